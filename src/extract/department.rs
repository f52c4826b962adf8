//! A written unit name → canonical department within the policy's region, with its kind.
