//! GraphQL API.
