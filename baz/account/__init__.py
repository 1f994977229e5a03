"""Sign-in, sign-out, the staff's second step and the password reset: one URL module."""
