//! Responsibility clauses closing a measure: (A牵头,B、C配合), (A、B按职责分工负责), (责任单位:A、B).
