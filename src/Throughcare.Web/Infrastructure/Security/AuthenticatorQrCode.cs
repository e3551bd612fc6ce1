using QRCoder;

namespace Throughcare.Web.Infrastructure.Security;

/// <summary>The otpauth URI authenticator apps read (Key URI Format), drawn as a QR code.</summary>
public static class AuthenticatorQrCode
{
    public const string Issuer = "Throughcare";

    public static string Uri(string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>A PNG data URI of the code: images from data URIs are what the Content-Security-Policy allows.</summary>
    public static string DataUri(string account, string key)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Uri(account, key), QRCodeGenerator.ECCLevel.Q);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(8));
    }
}
