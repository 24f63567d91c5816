"""The author web app's pages, one module per area: books (home, library, wizard step 1),
covers (style, jobs, cover pages, downloads) and account (sign-up, credits, keys, webhooks)."""
