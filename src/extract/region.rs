//! Which region a document belongs to: the hint, else the title, issuer, units and place names.
