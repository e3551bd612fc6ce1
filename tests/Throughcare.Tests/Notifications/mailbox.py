"""An aiosmtpd handler for the e-mail tests: appends each message it receives to the file named by MAILBOX_FILE."""
import os


class Mailbox:
    async def handle_DATA(self, server, session, envelope):
        content = envelope.content.decode("utf-8", errors="replace") if isinstance(envelope.content, bytes) else envelope.content
        with open(os.environ["MAILBOX_FILE"], "a", encoding="utf-8") as mailbox:
            mailbox.write(f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\n")
            mailbox.write(content)
            mailbox.write("\n--- end of message ---\n")
        return "250 Message accepted for delivery"
