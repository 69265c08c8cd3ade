//! # helpdesk-ai
//!
//! The brain of a support desk, in pure Rust that runs natively and in WebAssembly: it reads a
//! customer's message in English or Russian (or both at once) and says what it is about.
//!
//! ```
//! use helpdesk_ai::{Analyzer, Ticket};
//!
//! let analyzer = Analyzer::default();
//! let ticket = Ticket::new(
//!     "API integration broken",
//!     "Hi, I'm getting an error when trying to connect our CRM via API. The error message says \
//!      'Authentication failed' but I'm using the correct API key. This is blocking our sales team. \
//!      Please help urgently!",
//! );
//! let analysis = analyzer.analyze(&ticket).unwrap();
//! assert_eq!(analysis.language.code.code(), "en");
//! assert_eq!(analysis.sentiment.label.as_str(), "negative");
//! assert!(analysis.keywords.technical.iter().any(|k| k.key == "api"));
//! ```
//!
//! The core is pure: no I/O, no clock, no global state; the same input gives the same output
//! natively and in wasm. Every resource a support team would tune — stopwords, the concept
//! dictionary, sentiment lexicons, entity lexicons — is data under `data/`, embedded as the
//! default and replaceable at run time.
//!
//! Modules, one capability each:
//! - [`text`]: normalisation, tokenisation, stemming, language, mail bodies.
//! - [`concepts`]: the en↔ru concept dictionary.
//! - [`entities`]: error codes, endpoints, money, dates, devices, integrations … with spans.
//! - [`redact`]: PII masking (e-mails, phones, cards, IBAN, keys, passwords, INN, SNILS).
//! - [`keywords`]: the seed's four keyword groups.
//! - [`sentiment`]: sentiment, urgency, emotions, escalation risk, conversation trend.
//! - [`analyze`]: all of the above in one call.
//! - [`desk`]: triage + suggestions + routing in one call, what every host answers.
//! - [`kb`]: knowledge-base search as you type, ticket → article suggestions, feedback.
//! - [`routing`]: team and agent routing, SLA on a business calendar, escalation, auto-replies.

#![cfg_attr(not(target_arch = "wasm32"), forbid(unsafe_code))]
#![warn(missing_docs)]

#[cfg(feature = "triage")]
pub mod analyze;
mod binary;
#[cfg(feature = "triage")]
pub mod classify;
pub mod concepts;
pub mod contract;
#[cfg(feature = "triage")]
pub mod desk;
#[cfg(feature = "triage")]
pub mod entities;
pub mod error;
pub mod kb;
#[cfg(feature = "triage")]
pub mod keywords;
pub mod labels;
pub mod math;
#[cfg(feature = "triage")]
pub mod redact;
#[cfg(feature = "triage")]
pub mod routing;
#[cfg(feature = "triage")]
pub mod sentiment;
mod sort;
pub mod span;
pub mod text;
#[cfg(feature = "triage")]
pub mod triage;

#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(feature = "triage")]
pub use analyze::{Analysis, Analyzer, Field, Ticket};
pub use error::{DataError, InputError};
#[cfg(feature = "triage")]
pub use text::Language;
