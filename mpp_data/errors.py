"""Problems that stop the work. Each has a stable ``code``; ``i18n`` holds its text."""

from __future__ import annotations


class MppDataError(Exception):
    """Base class. ``params`` fill the localised message named by ``code``."""

    code = "error.unexpected"

    def __init__(self, **params: object) -> None:
        self.params = params
        super().__init__(f"{self.code} {params}")


class NoDataError(MppDataError):
    code = "error.no_data"


class SnapshotNotFound(MppDataError):
    code = "error.snapshot_not_found"


class ReplaceNeedsConfirmation(MppDataError):
    """A replace would remove more than a tenth of the operating malls (``removed`` of ``operating``,
    ``share_pct`` percent): the page asks for a confirmation, the command line for ``--mode replace``."""

    code = "error.replace_needs_confirmation"


class RegisterTooLarge(MppDataError):
    """A load would leave more malls (``malls``) in the register than ``MPP_MAX_REGISTER_MALLS`` (``limit``)."""

    code = "error.register_too_large"


class MemoryDatabase(MppDataError):
    """The database URL names an in-memory SQLite database (``url``), which would forget every upload."""

    code = "error.memory_database"


class InvalidDate(MppDataError):
    """A date given as an argument is not a YYYY-MM-DD date (``value``)."""

    code = "error.invalid_date"


class InvalidMonth(MppDataError):
    """A month given as an argument is not a YYYY-MM month (``value``)."""

    code = "error.invalid_month"


class UnknownProvince(MppDataError):
    """A province given as an argument is neither a province code nor a province's name (``value``)."""

    code = "error.unknown_province"


class UnreadableFile(MppDataError):
    code = "error.unreadable_file"


class InvalidBoundaries(UnreadableFile):
    """A boundary file that breaks one of the checks in ``mpp_data.ingest.boundaries``; ``reason`` says which."""

    code = "error.invalid_boundaries"


class EncryptedFile(MppDataError):
    code = "error.encrypted_file"


class FileTooLarge(MppDataError):
    code = "error.file_too_large"


class FileTooComplex(MppDataError):
    """A file that declares more than may be parsed, or whose parse ran out of memory or crashed."""

    code = "error.file_too_complex"


class ParseTimeout(MppDataError):
    code = "error.parse_timeout"


class AliasConflict(MppDataError):
    """An alias whose written form already names another official region: it would never apply."""

    code = "error.alias_conflict"


class NotAllowed(MppDataError):
    """The actor's role does not allow the action (params: action)."""

    code = "error.not_allowed"


class SignInFailed(MppDataError):
    """Unknown email, wrong password, no password set, or a disabled account: one message for all."""

    code = "error.sign_in_failed"


class LastAdmin(MppDataError):
    """The change would leave no active administrator (params: email)."""

    code = "error.last_admin"


class InvalidLinkLifetime(MppDataError):
    """A sign-in link asked to last outside 1 minute .. 7 days (params: minutes, minimum, maximum)."""

    code = "error.link_lifetime"


class TextTooLong(MppDataError):
    """A typed text longer than its limit, refused before it is stored or audited (params: limit,
    length; ``variant`` names the field: email, name, reason, correction, alias)."""

    code = "error.text_too_long"


class SignInLinkInvalid(MppDataError):
    """A one-time link that is unknown, used already, or expired."""

    code = "error.sign_in_link_invalid"


class UserNotFound(MppDataError):
    code = "error.user_not_found"


class InvalidUser(MppDataError):
    """An email or role that cannot be kept (params: value)."""

    code = "error.invalid_user"


class WeakPassword(MppDataError):
    """A password refused (params: minimum; ``variant``: ``guessable`` when zxcvbn finds it easy to
    guess, such as a common password or a repeated letter, ``email`` when it holds the e-mail address;
    none when it is shorter than ``minimum``)."""

    code = "error.weak_password"


class InvalidSubscription(MppDataError):
    """A subscription or alert that cannot be kept (params: value; ``variant``: which field: recipients,
    day, time, zone, content, kind, lang)."""

    code = "error.invalid_subscription"


class SubscriptionNotFound(MppDataError):
    """No subscription or alert of that id (params: id)."""

    code = "error.subscription_not_found"


class MailNotConfigured(MppDataError):
    """``MPP_SMTP_HOST`` is not set: nothing can be sent."""

    code = "error.mail_not_configured"


ALL_ERRORS: tuple[type[MppDataError], ...] = (
    MppDataError,
    NoDataError,
    SnapshotNotFound,
    InvalidDate,
    InvalidMonth,
    UnknownProvince,
    UnreadableFile,
    InvalidBoundaries,
    EncryptedFile,
    FileTooLarge,
    FileTooComplex,
    ParseTimeout,
    AliasConflict,
    NotAllowed,
    SignInFailed,
    LastAdmin,
    InvalidLinkLifetime,
    TextTooLong,
    SignInLinkInvalid,
    UserNotFound,
    InvalidUser,
    WeakPassword,
    InvalidSubscription,
    SubscriptionNotFound,
    MailNotConfigured,
)
