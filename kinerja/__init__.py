"""Performance management of ASN (PermenPANRB 6/2022): see kinerja.models and kinerja.rules."""
