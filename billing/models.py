"""Plans, accounts, API keys, the credit ledger and stored idempotent responses.

Credits are never a mutable counter: every change is a new `CreditEntry` row, and each row
records the balance of its pool right after it, so a database constraint can refuse any row
that would take a pool below zero.
"""

from __future__ import annotations

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q

from billing.specs import API_KEY_NAME, CREDIT_REQUEST_MESSAGE, WEBHOOK_URL


class Plan(models.Model):
    TRIAL = "trial"  # where sign-ups start: no monthly credits, only the sign-up credits
    STARTER = "starter"
    GROWTH = "growth"
    SCALE = "scale"
    CODE_CHOICES = [(TRIAL, "Trial"), (STARTER, "Starter"), (GROWTH, "Growth"), (SCALE, "Scale")]

    code = models.CharField(max_length=20, unique=True, choices=CODE_CHOICES)
    name = models.CharField(max_length=50)
    monthly_credits = models.PositiveIntegerField()
    max_concurrent_jobs = models.PositiveIntegerField()
    price_usd = models.DecimalField(max_digits=8, decimal_places=2, help_text="Monthly price, for display.")

    class Meta:
        ordering = ["monthly_credits"]
        constraints = [
            models.CheckConstraint(condition=Q(max_concurrent_jobs__gte=1), name="plan_concurrency_positive"),
        ]

    def __str__(self) -> str:
        return self.name


class Account(models.Model):
    """One customer: a Django user, a plan, a subscription flag and the current billing period."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="accounts")
    is_active = models.BooleanField("active subscription", default=True)
    period_start = models.DateTimeField()
    period_end = models.DateTimeField()
    # Periods are whole months counted from here, so an account opened on the 31st renews on the
    # last day of short months and on the 31st again afterwards (no drift to the 28th).
    billing_anchor = models.DateTimeField()
    webhook_url = models.URLField(max_length=WEBHOOK_URL.max_length, blank=True)
    webhook_secret = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gt=models.F("period_start")), name="account_period_order"),
        ]

    def __str__(self) -> str:
        return self.user.email or self.user.get_username()


class ApiKey(models.Model):
    """An API key. Only a SHA-256 hash of the raw key is kept; the raw key is shown once."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=API_KEY_NAME.max_length)
    prefix = models.CharField(max_length=20, help_text="The first characters of the key, for recognising it.")
    hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class CreditEntry(models.Model):
    """One append-only line of the credit ledger.

    `amount` is signed: grants, purchases and refunds add, debits and expiries remove,
    staff adjustments go either way. `balance_after` is the pool's balance once this line
    is applied; it is computed while the account row is locked.
    """

    POOL_MONTHLY = "monthly"
    POOL_OVERAGE = "overage"
    POOL_CHOICES = [(POOL_MONTHLY, "Monthly"), (POOL_OVERAGE, "Overage")]

    KIND_GRANT = "grant"
    KIND_EXPIRY = "expiry"
    KIND_PURCHASE = "purchase"
    KIND_DEBIT = "debit"
    KIND_REFUND = "refund"
    KIND_ADJUSTMENT = "adjustment"
    KIND_CHOICES = [
        (KIND_GRANT, "Monthly grant"),
        (KIND_EXPIRY, "Expiry"),
        (KIND_PURCHASE, "Overage purchase"),
        (KIND_DEBIT, "Debit"),
        (KIND_REFUND, "Refund"),
        (KIND_ADJUSTMENT, "Staff adjustment"),
    ]

    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="credit_entries")
    pool = models.CharField(max_length=10, choices=POOL_CHOICES)
    kind = models.CharField(max_length=12, choices=KIND_CHOICES)
    amount = models.IntegerField()
    balance_after = models.IntegerField()
    reference = models.CharField(max_length=100, blank=True, help_text='What caused it, e.g. "job:<uuid>".')
    memo = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = "credit entries"
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["account", "pool", "-id"], name="credit_account_pool_idx"),
            models.Index(fields=["account", "reference"], name="credit_account_ref_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(pool__in=["monthly", "overage"]), name="credit_pool_valid"),
            models.CheckConstraint(
                condition=Q(kind__in=["grant", "expiry", "purchase", "debit", "refund", "adjustment"]),
                name="credit_kind_valid",
            ),
            models.CheckConstraint(condition=~Q(amount=0), name="credit_amount_nonzero"),
            models.CheckConstraint(
                condition=~Q(kind__in=["grant", "purchase", "refund"]) | Q(amount__gt=0),
                name="credit_additions_positive",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["debit", "expiry"]) | Q(amount__lt=0), name="credit_removals_negative"
            ),
            models.CheckConstraint(condition=Q(balance_after__gte=0), name="credit_balance_never_negative"),
            models.CheckConstraint(
                condition=~Q(kind__in=["grant", "expiry"]) | Q(pool="monthly"), name="credit_grant_expiry_monthly"
            ),
            models.CheckConstraint(
                condition=~Q(kind="purchase") | Q(pool="overage"), name="credit_purchase_is_overage"
            ),
            # A period is granted and expired at most once, whoever runs the renewal.
            models.UniqueConstraint(
                fields=["account", "kind", "reference"],
                condition=Q(kind__in=["grant", "expiry"]),
                name="credit_once_per_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount:+d} {self.pool}"


class AccountEvent(models.Model):
    """One line of an account's history: a change staff (or the author) made, with who and why.

    Credit changes are ledger lines; everything else that changes what an account may do (plan,
    subscription, billing period, API keys) is written here by the service that made it.
    """

    PLAN_CHANGED = "plan_changed"
    SUBSCRIPTION_STARTED = "subscription_started"
    SUBSCRIPTION_STOPPED = "subscription_stopped"
    PERIOD_CHANGED = "period_changed"
    API_KEY_REVOKED = "api_key_revoked"
    KIND_CHOICES = [
        (PLAN_CHANGED, "Plan changed"),
        (SUBSCRIPTION_STARTED, "Subscription started"),
        (SUBSCRIPTION_STOPPED, "Subscription stopped"),
        (PERIOD_CHANGED, "Billing period changed"),
        (API_KEY_REVOKED, "API key revoked"),
    ]

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30, choices=KIND_CHOICES)
    detail = models.CharField(max_length=300, help_text="What changed, e.g. 'starter -> scale'.")
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["account", "-id"], name="account_event_account_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.detail}"


class IdempotencyRecord(models.Model):
    """The first response to a POST sent with an Idempotency-Key, replayed for repeats.

    The row is inserted before the request runs (status_code empty = in progress); the
    unique constraint on (account, key) is what stops two concurrent requests from both running.
    """

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="idempotency_records")
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 of method, path and canonical body.")
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["account", "key"], name="idempotency_key_unique_per_account"),
        ]
        indexes = [models.Index(fields=["created_at"], name="idempotency_created_idx")]

    def __str__(self) -> str:
        return self.key


class CreditRequest(models.Model):
    """An author asking staff for more credits; staff grant (as overage credits) or decline it in the admin."""

    OPEN = "open"
    GRANTED = "granted"
    DECLINED = "declined"
    STATUS_CHOICES = [(OPEN, "Open"), (GRANTED, "Granted"), (DECLINED, "Declined")]

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="credit_requests")
    amount = models.PositiveIntegerField(help_text="Credits asked for.")
    message = models.TextField(max_length=CREDIT_REQUEST_MESSAGE.max_length, blank=True)
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=OPEN)
    granted_amount = models.PositiveIntegerField(default=0)
    decision_reason = models.CharField(max_length=300, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-created_at"], name="credit_request_status_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=1), name="credit_request_amount_positive"),
            # Granted means some credits were granted; open means nobody decided yet.
            models.CheckConstraint(
                condition=~models.Q(status="granted") | models.Q(granted_amount__gte=1),
                name="credit_request_granted_amount",
            ),
            models.CheckConstraint(
                condition=models.Q(status="open") | models.Q(decided_at__isnull=False), name="credit_request_decided"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.amount} credits for {self.account} ({self.status})"


class Invite(models.Model):
    """A one-use invitation to sign up, made by staff when sign-up is by invitation (BYC_SIGNUP=invite).

    With an e-mail, only that address can use it. The code travels in the sign-up link.
    """

    code = models.CharField(max_length=64, unique=True)
    email = models.EmailField(blank=True, help_text="Only this address may use it; empty: anyone with the link.")
    note = models.CharField(max_length=200, blank=True, help_text="Who it is for, for staff.")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.OneToOneField(Account, null=True, blank=True, on_delete=models.SET_NULL, related_name="invite")

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"Invite for {self.email or 'anyone'}"
