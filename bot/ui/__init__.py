"""Block Kit layouts: what each surface looks like, with texts from templates/."""
