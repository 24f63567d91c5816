"""Typesetting: fonts, line breaking, fitting and drawing of title, subtitle and author."""
