"""Write operations on accounts, API keys and credits.

Rules for callers:
- `credits_spend` and `credits_refund` expect the caller to hold the account lock:
  `with transaction.atomic(): account = account_lock(account_id=...); credits_spend(...)`.
  Reserving credits and creating the job that uses them then commit (or roll back) together.
- The other functions take the lock themselves.
"""

from __future__ import annotations

import calendar
import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.utils import timezone

from billing.models import Account, AccountEvent, ApiKey, CreditEntry, Invite, Plan
from billing.specs import API_KEY_NAME, WEBHOOK_URL
from billing.webhook_targets import WebhookTargetRefused, webhook_target_check
from byc_site.errors import ApplicationError

logger = logging.getLogger(__name__)

API_KEY_PREFIX = "byc_sk_"
API_KEY_DISPLAY_CHARS = 12  # "byc_sk_" + 5 random characters: enough to tell keys apart in a list


@dataclass(frozen=True)
class Balance:
    monthly: int
    overage: int

    @property
    def total(self) -> int:
        return self.monthly + self.overage


# --- periods ------------------------------------------------------------------------------------


def add_months(moment: datetime, months: int) -> datetime:
    """The same day and time `months` later, clamped to the month's last day (Jan 31 + 1 = Feb 28/29)."""
    month_index = moment.month - 1 + months
    year = moment.year + month_index // 12
    month = month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def _period_reference(start: datetime) -> str:
    return "period:" + start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# --- accounts -----------------------------------------------------------------------------------


def account_lock(*, account_id: int) -> Account:
    """Load the account row locked for update; call inside `transaction.atomic()`.

    Every credit change goes through this lock, so two requests can never both spend the
    same credits. (SQLite has no row locks; its IMMEDIATE transactions lock the whole file.)
    """
    return Account.objects.select_for_update(of=("self",)).select_related("plan", "user").get(pk=account_id)


def _plan_by_code(code: str) -> Plan:
    try:
        return Plan.objects.get(code=code)
    except Plan.DoesNotExist:
        codes = ", ".join(Plan.objects.values_list("code", flat=True))
        raise ApplicationError("invalid_plan", f"Unknown plan {code!r}; choose one of: {codes}.") from None


def account_create(
    *,
    email: str,
    plan_code: str = Plan.STARTER,
    password: str | None = None,
    monthly_credits: int | None = None,
    overage_credits: int = 0,
    is_active: bool = True,
    webhook_url: str = "",
    now: datetime | None = None,
) -> Account:
    """Create a user (username = email) and their account, and grant the first period's credits.

    `monthly_credits` replaces the plan's grant for this first period only; later periods get
    the plan's amount. Without a password the user cannot log in to the web app.
    """
    now = now or timezone.now()
    email = email.strip()
    if not email or "@" not in email:
        raise ApplicationError("invalid_email", "Give a valid email address.")
    if monthly_credits is not None and monthly_credits < 0:
        raise ApplicationError("invalid_credits", "Monthly credits cannot be negative.")
    if overage_credits < 0:
        raise ApplicationError("invalid_credits", "Overage credits cannot be negative.")
    plan = _plan_by_code(plan_code)
    user_model = get_user_model()
    with transaction.atomic():
        if user_model.objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists():
            raise ApplicationError("email_taken", f"An account for {email} already exists.", status=409)
        try:
            user = user_model.objects.create_user(username=email, email=email, password=password)
        except IntegrityError:
            raise ApplicationError("email_taken", f"An account for {email} already exists.", status=409) from None
        account = Account.objects.create(
            user=user,
            plan=plan,
            is_active=is_active,
            period_start=now,
            period_end=add_months(now, 1),
            billing_anchor=now,
            webhook_url=webhook_url,
            webhook_secret=_new_webhook_secret(),
        )
        grant = plan.monthly_credits if monthly_credits is None else monthly_credits
        if is_active and grant > 0:
            _append(
                account,
                CreditEntry.POOL_MONTHLY,
                CreditEntry.KIND_GRANT,
                grant,
                _period_reference(now),
                f"{plan.name} plan, monthly credits of the first period.",
            )
        if overage_credits > 0:
            _append(
                account, CreditEntry.POOL_OVERAGE, CreditEntry.KIND_PURCHASE, overage_credits, "signup", "At sign-up."
            )
    return account


SIGNUP_MODES = ("open", "verify-email", "invite", "closed")


def signup_mode() -> str:
    """settings.SIGNUP_MODE: open, verify-email (the user logs in once the address is confirmed),
    invite (only with a staff invitation) or closed."""
    return settings.SIGNUP_MODE


def account_signup(*, email: str, password: str, invite_code: str = "") -> Account:
    """An author signing up on the site, under the sign-up mode: the trial plan and settings.SIGNUP_CREDITS.

    verify-email: the user is created inactive (no login, no API key works) until
    `account_email_confirm`. invite: the invitation is used up in the same transaction, so two
    sign-ups with one code make one account.
    """
    mode = signup_mode()
    if mode == "closed":
        raise ApplicationError("signup_closed", "Sign-up is closed.", status=403)
    if mode == "verify-email":
        pending = _unconfirmed_account(email=email)
        if pending is not None:
            # Nobody confirmed this address yet, so nobody owns it: whoever signs up last sets the
            # password, and only the address's owner can confirm (the earlier links stop working,
            # their token covers the password). Otherwise a stranger's sign-up would lock the owner out.
            pending.user.set_password(password)
            pending.user.save(update_fields=["password"])
            return pending
    with transaction.atomic():
        invite = _invite_for_signup(code=invite_code, email=email) if mode == "invite" else None
        # The trial plan grants nothing monthly: the sign-up credits are all there is until staff
        # move the account to a paid plan (an admin action). They are overage credits: they do not expire.
        account = account_create(
            email=email,
            password=password,
            plan_code=Plan.TRIAL,
            monthly_credits=0,
            overage_credits=settings.SIGNUP_CREDITS,
        )
        if invite is not None:
            used = Invite.objects.filter(pk=invite.pk, used_at__isnull=True).update(
                used_at=timezone.now(), used_by=account
            )
            if not used:
                raise ApplicationError("invite_used", "This invitation has already been used.", status=409)
        if mode == "verify-email":
            get_user_model().objects.filter(pk=account.user_id).update(is_active=False)
            account.user.is_active = False
    return account


def _unconfirmed_account(*, email: str) -> Account | None:
    return (
        Account.objects.select_related("user", "plan")
        .filter(user__username__iexact=email.strip(), user__is_active=False, user__last_login__isnull=True)
        .first()
    )


def _invite_for_signup(*, code: str, email: str) -> Invite:
    invite = Invite.objects.filter(code=code.strip()).first() if code.strip() else None
    if invite is None:
        raise ApplicationError(
            "invite_required", "Sign-up is by invitation: use the link in your invitation.", status=403
        )
    if invite.used_at is not None:
        raise ApplicationError("invite_used", "This invitation has already been used.", status=409)
    if invite.email and invite.email.lower() != email.strip().lower():
        raise ApplicationError("invite_email_mismatch", f"This invitation is for {invite.email}.", field="email")
    return invite


def account_email_confirm(*, user: AbstractBaseUser) -> None:
    """The address is confirmed: the user may log in. (Staff may have disabled a user: only a
    user who never logged in is activated this way.)"""
    if user.last_login is None:
        get_user_model().objects.filter(pk=user.pk, is_active=False).update(is_active=True)
        user.is_active = True


def invite_create(*, email: str = "", note: str = "", created_by: AbstractBaseUser | None = None) -> Invite:
    """A new one-use invitation with a random code."""
    return Invite.objects.create(
        code=secrets.token_urlsafe(24), email=email.strip().lower(), note=note.strip(), created_by=created_by
    )


def account_for_user(*, user: AbstractBaseUser) -> Account:
    """The account of a logged-in user; 403 forbidden for users without one (e.g. bare staff users)."""
    try:
        return Account.objects.select_related("plan").get(user=user)
    except Account.DoesNotExist:
        raise ApplicationError("forbidden", "This user has no account.", status=403) from None


def _event(
    account: Account, kind: str, detail: str, *, reason: str = "", created_by: AbstractBaseUser | None = None
) -> AccountEvent:
    return AccountEvent.objects.create(
        account=account, kind=kind, detail=detail[:300], reason=reason[:300], created_by=created_by
    )


def account_change_plan(
    *, account: Account, plan_code: str, changed_by: AbstractBaseUser | None = None, reason: str = ""
) -> Account:
    """Move an account to another plan, recorded in its history.

    The concurrency limit changes at once; the new monthly grant applies from the next
    renewal (the current period's credits stay as they are).
    """
    plan = _plan_by_code(plan_code)
    with transaction.atomic():
        locked = account_lock(account_id=account.pk)
        previous = locked.plan
        if previous.pk != plan.pk:
            locked.plan = plan
            locked.save(update_fields=["plan"])
            _event(
                locked,
                AccountEvent.PLAN_CHANGED,
                f"{previous.code} -> {plan.code}",
                reason=reason,
                created_by=changed_by,
            )
    account.plan = plan
    return locked


def account_period_set(
    *,
    account: Account,
    period_start: datetime,
    period_end: datetime,
    changed_by: AbstractBaseUser | None = None,
    reason: str = "",
) -> Account:
    """Staff: move the current billing period (e.g. to extend it). Renewal then runs when it ends.

    The credits of the period are not touched: a grant or an expiry is a ledger matter.
    """
    if period_end <= period_start:
        raise ApplicationError("invalid_field_value", "The period must end after it starts.", field="period_end")
    with transaction.atomic():
        locked = account_lock(account_id=account.pk)
        before = f"{locked.period_start:%Y-%m-%d %H:%M} – {locked.period_end:%Y-%m-%d %H:%M}"
        locked.period_start, locked.period_end = period_start, period_end
        locked.save(update_fields=["period_start", "period_end"])
        after = f"{period_start:%Y-%m-%d %H:%M} – {period_end:%Y-%m-%d %H:%M}"
        _event(locked, AccountEvent.PERIOD_CHANGED, f"{before} -> {after}", reason=reason, created_by=changed_by)
    account.period_start, account.period_end = period_start, period_end
    return locked


def account_set_active(
    *,
    account: Account,
    is_active: bool,
    now: datetime | None = None,
    changed_by: AbstractBaseUser | None = None,
    reason: str = "",
) -> Account:
    """Start or stop the subscription.

    Starting it begins a new billing period now, with the plan's monthly credits (any monthly
    credits left from before expire). Stopping it keeps the credits until the period ends, when
    they expire and no new grant follows; meanwhile the API refuses the account's keys (403) and
    `credits_spend` refuses every charge, whichever door it comes through.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = account_lock(account_id=account.pk)
        if locked.is_active == is_active:
            return locked
        locked.is_active = is_active
        if is_active:
            leftover = _pool_balance(locked, CreditEntry.POOL_MONTHLY)
            if leftover:
                _append(
                    locked,
                    CreditEntry.POOL_MONTHLY,
                    CreditEntry.KIND_EXPIRY,
                    -leftover,
                    _period_reference(locked.period_start),
                    "A new period starts with the subscription.",
                )
            locked.period_start, locked.period_end, locked.billing_anchor = now, add_months(now, 1), now
            if locked.plan.monthly_credits:
                _append(
                    locked,
                    CreditEntry.POOL_MONTHLY,
                    CreditEntry.KIND_GRANT,
                    locked.plan.monthly_credits,
                    _period_reference(now),
                    f"{locked.plan.name} plan, monthly credits.",
                )
        locked.save(update_fields=["is_active", "period_start", "period_end", "billing_anchor"])
        _event(
            locked,
            AccountEvent.SUBSCRIPTION_STARTED if is_active else AccountEvent.SUBSCRIPTION_STOPPED,
            f"{locked.plan.name} plan",
            reason=reason,
            created_by=changed_by,
        )
    account.is_active = locked.is_active
    account.period_start, account.period_end = locked.period_start, locked.period_end
    return locked


def account_require_active(*, account: Account) -> None:
    """403 forbidden unless the account's subscription is running: a stopped one spends no credits.

    `credits_spend` calls it, so no door (API, web app, admin, commands) spends around it.
    """
    if not account.is_active:
        raise ApplicationError(
            "forbidden", "This account has no active subscription; nothing can be charged to it.", status=403
        )


def webhook_url_clean(*, webhook_url: str) -> str:
    """A webhook URL trimmed and checked; "" for none.

    At most 500 characters, absolute http or https, and a target the delivery would not refuse
    (a public address on an allowed port: billing.webhook_targets), so a bad target is a 400 now
    rather than a failed delivery later.
    """
    webhook_url = webhook_url.strip()
    if webhook_url:
        WEBHOOK_URL.check_length(webhook_url)
        try:
            URLValidator(schemes=["http", "https"])(webhook_url)
        except ValidationError:
            raise ApplicationError(
                "invalid_field_value", "webhookUrl must be an absolute http(s) URL.", field=WEBHOOK_URL.name
            ) from None
        try:
            webhook_target_check(webhook_url)
        except WebhookTargetRefused as refusal:
            raise ApplicationError(
                "invalid_field_value", f"webhookUrl is refused: {refusal}", field=WEBHOOK_URL.name
            ) from None
    return webhook_url


def account_webhook_update(*, account: Account, webhook_url: str) -> Account:
    """Set (or clear, with "") the default webhook URL of the account."""
    webhook_url = webhook_url_clean(webhook_url=webhook_url)
    Account.objects.filter(pk=account.pk).update(webhook_url=webhook_url)
    account.webhook_url = webhook_url
    return account


def _new_webhook_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def webhook_secret_rotate(*, account: Account) -> str:
    """Replace the webhook signing secret; the new one signs every later delivery."""
    secret = _new_webhook_secret()
    Account.objects.filter(pk=account.pk).update(webhook_secret=secret)
    account.webhook_secret = secret
    return secret


# --- API keys -----------------------------------------------------------------------------------


def api_key_hash(raw_key: str) -> str:
    """Keys carry 256 random bits, so a plain SHA-256 is safe to store and fast to look up."""
    return hashlib.sha256(raw_key.encode()).hexdigest()


def api_key_create(*, account: Account, name: str) -> tuple[ApiKey, str]:
    """Create a key and return it with its raw value, which is never stored and cannot be shown again."""
    name = name.strip()
    if not name:
        raise ApplicationError("missing_required_fields", "Give the key a name.", field=API_KEY_NAME.name)
    API_KEY_NAME.check_length(name)
    raw_key = API_KEY_PREFIX + secrets.token_urlsafe(32)  # 43 URL-safe characters
    api_key = ApiKey.objects.create(
        account=account, name=name, prefix=raw_key[:API_KEY_DISPLAY_CHARS], hash=api_key_hash(raw_key)
    )
    return api_key, raw_key


def api_key_revoke(
    *, account: Account, api_key_id: int, revoked_by: AbstractBaseUser | None = None, reason: str = ""
) -> ApiKey:
    """Revoke one of the account's keys (404 api_key_not_found for others' keys). Revoking twice is harmless."""
    try:
        api_key = ApiKey.objects.get(pk=api_key_id, account=account)
    except (ApiKey.DoesNotExist, ValueError, TypeError):
        raise ApplicationError("api_key_not_found", "API key not found.", status=404) from None
    with transaction.atomic():
        # A conditional UPDATE: of two revocations at once, only the one that changed the row is recorded.
        now = timezone.now()
        revoked = ApiKey.objects.filter(pk=api_key.pk, revoked_at__isnull=True).update(revoked_at=now)
        if revoked:
            api_key.revoked_at = now
            _event(
                account,
                AccountEvent.API_KEY_REVOKED,
                f"{api_key.name} ({api_key.prefix}…)",
                reason=reason,
                created_by=revoked_by,
            )
    return api_key


# --- credits ------------------------------------------------------------------------------------


def _pool_balance(account: Account, pool: str) -> int:
    last = CreditEntry.objects.filter(account=account, pool=pool).order_by("-id").values_list("balance_after")[:1]
    return last[0][0] if last else 0


def credits_balance(*, account: Account) -> Balance:
    """Both pools' balances. Read under `account_lock` when about to spend them."""
    return Balance(
        monthly=_pool_balance(account, CreditEntry.POOL_MONTHLY),
        overage=_pool_balance(account, CreditEntry.POOL_OVERAGE),
    )


def _append(
    account: Account,
    pool: str,
    kind: str,
    amount: int,
    reference: str = "",
    memo: str = "",
    created_by: AbstractBaseUser | None = None,
) -> CreditEntry:
    """Add a ledger line; the caller holds the account lock (or has just created the account)."""
    balance_after = _pool_balance(account, pool) + amount
    return CreditEntry.objects.create(
        account=account,
        pool=pool,
        kind=kind,
        amount=amount,
        balance_after=balance_after,
        reference=reference[:100],
        memo=memo[:300],
        created_by=created_by,
    )


def insufficient_credits_error(*, needed: int, balance: Balance) -> ApplicationError:
    return ApplicationError(
        "insufficient_credits",
        f"Insufficient credits. Need {needed}, have {balance.total} "
        f"({balance.monthly} monthly + {balance.overage} overage).",
        status=402,
    )


def credits_spend(*, account: Account, amount: int, reference: str, memo: str = "") -> None:
    """Take `amount` credits, monthly pool first, then overage. The caller holds `account_lock`.

    Raises 402 insufficient_credits (and writes nothing) when both pools together fall short.
    """
    if amount <= 0:
        raise ValueError("amount must be positive")
    account_require_active(account=account)
    balance = credits_balance(account=account)
    if balance.total < amount:
        raise insufficient_credits_error(needed=amount, balance=balance)
    from_monthly = min(amount, balance.monthly)
    from_overage = amount - from_monthly
    if from_monthly:
        _append(account, CreditEntry.POOL_MONTHLY, CreditEntry.KIND_DEBIT, -from_monthly, reference, memo)
    if from_overage:
        _append(account, CreditEntry.POOL_OVERAGE, CreditEntry.KIND_DEBIT, -from_overage, reference, memo)


def _net_spent(account: Account, reference: str, pool: str) -> int:
    """Credits debited for `reference` from `pool` and not yet refunded."""
    total = (
        CreditEntry.objects.filter(
            account=account, reference=reference, pool=pool, kind__in=[CreditEntry.KIND_DEBIT, CreditEntry.KIND_REFUND]
        ).aggregate(total=Sum("amount"))["total"]
        or 0
    )
    return max(0, -total)


def credits_refund(*, account: Account, amount: int, reference: str, memo: str = "") -> None:
    """Give back up to `amount` credits spent under `reference`. The caller holds `account_lock`.

    Credits go back to the pools they came from, overage first (the reverse of spending),
    and never more than is still unrefunded for that reference, so a repeated refund is a no-op.
    """
    if amount <= 0:
        raise ValueError("amount must be positive")
    remaining = amount
    for pool in (CreditEntry.POOL_OVERAGE, CreditEntry.POOL_MONTHLY):
        back = min(remaining, _net_spent(account, reference, pool))
        if back:
            _append(account, pool, CreditEntry.KIND_REFUND, back, reference, memo)
            remaining -= back
        if not remaining:
            break


def credits_grant_overage(
    *, account: Account, amount: int, memo: str = "", granted_by: AbstractBaseUser | None = None
) -> Balance:
    """Add overage credits (a purchase or a staff gift); they never expire."""
    if amount <= 0:
        raise ApplicationError("invalid_credits", "The number of credits must be positive.")
    with transaction.atomic():
        locked = account_lock(account_id=account.pk)
        _append(
            locked, CreditEntry.POOL_OVERAGE, CreditEntry.KIND_PURCHASE, amount, "overage", memo, created_by=granted_by
        )
        return credits_balance(account=locked)


def credits_adjust(
    *, account: Account, pool: str, amount: int, memo: str, adjusted_by: AbstractBaseUser | None = None
) -> Balance:
    """A staff correction in either direction; it cannot take a pool below zero."""
    if pool not in (CreditEntry.POOL_MONTHLY, CreditEntry.POOL_OVERAGE):
        raise ApplicationError("invalid_field_value", "pool must be 'monthly' or 'overage'.")
    if amount == 0:
        raise ApplicationError("invalid_credits", "An adjustment cannot be zero.")
    if not memo.strip():
        raise ApplicationError("missing_required_fields", "Say why in the memo.")
    with transaction.atomic():
        locked = account_lock(account_id=account.pk)
        if _pool_balance(locked, pool) + amount < 0:
            raise ApplicationError("insufficient_credits", f"The {pool} pool would go below zero.", status=402)
        _append(locked, pool, CreditEntry.KIND_ADJUSTMENT, amount, "staff", memo, created_by=adjusted_by)
        return credits_balance(account=locked)


# --- renewal ------------------------------------------------------------------------------------


def account_renew(*, account_id: int, now: datetime | None = None) -> bool:
    """Close every finished period of one account: expire unused monthly credits, grant the new ones.

    Returns False when the current period has not ended (so running it twice changes nothing).
    An account many periods behind jumps straight to the period containing `now`.
    Inactive accounts lose their monthly credits at period end but are granted nothing.
    """
    now = now or timezone.now()
    with transaction.atomic():
        account = account_lock(account_id=account_id)
        if account.period_end > now:
            return False
        # The first whole month (counted from the anchor) that has not ended yet.
        months = 0
        while add_months(account.billing_anchor, months + 1) <= now:
            months += 1
        start, end = add_months(account.billing_anchor, months), add_months(account.billing_anchor, months + 1)
        expired = _pool_balance(account, CreditEntry.POOL_MONTHLY)
        if expired:
            _append(
                account,
                CreditEntry.POOL_MONTHLY,
                CreditEntry.KIND_EXPIRY,
                -expired,
                _period_reference(account.period_start),
                "Unused monthly credits expire at renewal.",
            )
        if account.is_active and account.plan.monthly_credits:
            _append(
                account,
                CreditEntry.POOL_MONTHLY,
                CreditEntry.KIND_GRANT,
                account.plan.monthly_credits,
                _period_reference(start),
                f"{account.plan.name} plan, monthly credits.",
            )
        account.period_start, account.period_end = start, end
        account.save(update_fields=["period_start", "period_end"])
    return True


def accounts_renew(*, now: datetime | None = None) -> int:
    """Renew every account whose period has ended; returns how many were renewed.

    Safe to run as often as you like and from several machines at once: each account is
    renewed under its row lock, and the ledger refuses a second grant for the same period.
    """
    now = now or timezone.now()
    renewed = 0
    for account_id in Account.objects.filter(period_end__lte=now).values_list("pk", flat=True).iterator():
        try:
            if account_renew(account_id=account_id, now=now):
                renewed += 1
        except IntegrityError:
            # Another renewal got there first and the ledger's unique constraint stopped us.
            logger.info("Account %s was renewed concurrently", account_id)
    return renewed
