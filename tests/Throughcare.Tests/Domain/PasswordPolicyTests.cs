using Microsoft.AspNetCore.Identity;
using Shouldly;
using Throughcare.Core.Domain.Accounts;
using Xunit;

namespace Throughcare.Tests.Domain;

public class PasswordPolicyTests
{
    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("elevenchars")]
    public void Passwords_under_12_characters_are_too_short(string password) =>
        PasswordPolicy.Check(password).ShouldBe("Password must be 12 characters or more");

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("tangerine kettle")]
    [InlineData("allthelowercaseletters")]
    [InlineData("8472910563821")]
    public void Long_unusual_passwords_are_accepted_without_composition_rules(string password) =>
        PasswordPolicy.Check(password).ShouldBeNull();

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("qwertyuiop12")]
    [InlineData("123456789012")]
    [InlineData("letmeinletmein")]
    [InlineData("welcome12345")]
    [InlineData("iloveyou1234")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("Summer2024!!")]
    [InlineData("P@ssw0rd2024!")]
    [InlineData("Liverpool1892")]
    [InlineData("1qaz2wsx!!!!")]
    [InlineData("monkeymonkey")]
    [InlineData("letmeinletmein99")]
    public void Common_passwords_and_padded_common_words_are_refused(string password) =>
        PasswordPolicy.Check(password).ShouldBe("Choose a password that is harder to guess");

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("############")]
    [InlineData("abcdefghijklm")]
    [InlineData("3456789012345")]
    [InlineData("zyxwvutsrqpo")]
    [InlineData("abababababab")]
    public void Repeated_characters_and_simple_sequences_are_refused(string password) =>
        PasswordPolicy.Check(password).ShouldBe(PasswordPolicy.TooEasyToGuessMessage);

    [Theory]
    [InlineData("my Throughcare login")]
    [InlineData("jsmith-rocks-2024")]
    [InlineData("jane.smith is me!")]
    public void Passwords_containing_personal_words_are_refused(string password) =>
        PasswordPolicy.Check(password, "JSmith", "jane.smith", null).ShouldBe(PasswordPolicy.TooEasyToGuessMessage);

    [Fact]
    public void Very_short_personal_words_are_ignored() =>
        PasswordPolicy.Check("tangerine kettle", "ke", "").ShouldBeNull();

    [Fact]
    public async Task The_validator_uses_the_user_name_and_email_local_part()
    {
        var validator = new PasswordPolicyValidator<TestUser>();
        using var manager = new TestUserManager();
        var user = new TestUser("asmith", "amina.hassan@example.org");

        (await validator.ValidateAsync(manager, user, "tangerine kettle")).Succeeded.ShouldBeTrue();
        var tooShort = await validator.ValidateAsync(manager, user, "kettle");
        tooShort.Errors.ShouldHaveSingleItem().Code.ShouldBe("PasswordTooShort");
        var personal = await validator.ValidateAsync(manager, user, "amina.hassan likes tea");
        personal.Errors.ShouldHaveSingleItem().Description.ShouldBe(PasswordPolicy.TooEasyToGuessMessage);
        (await validator.ValidateAsync(manager, user, "ASMITH tangerine")).Succeeded.ShouldBeFalse();
    }

    public sealed record TestUser(string UserName, string Email);

    // UserManager needs a store to exist; the validator only reads the name and e-mail, overridden here.
    private sealed class TestUserManager() : UserManager<TestUser>(new NullStore(), null!, null!, null!, null!, null!, null!, null!, null!)
    {
        public override bool SupportsUserEmail => true;

        public override Task<string?> GetUserNameAsync(TestUser user) => Task.FromResult<string?>(user.UserName);

        public override Task<string?> GetEmailAsync(TestUser user) => Task.FromResult<string?>(user.Email);
    }

    private sealed class NullStore : IUserStore<TestUser>
    {
        public void Dispose()
        {
        }

        public Task<string> GetUserIdAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string?> GetUserNameAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetUserNameAsync(TestUser user, string? userName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string?> GetNormalizedUserNameAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetNormalizedUserNameAsync(TestUser user, string? normalizedName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IdentityResult> CreateAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IdentityResult> UpdateAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IdentityResult> DeleteAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<TestUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<TestUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
