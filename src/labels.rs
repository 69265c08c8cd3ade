//! The label sets of the support taxonomy (exact strings: see DESIGN.md).

/// A closed set of names with exact serde strings, `ALL`, `as_str`, `parse` and `Display` — the
/// taxonomy's labels here, and routing's tiers, channels, seniorities and triggers.
macro_rules! label_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in a fixed order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The exact string.
            pub fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the exact string.
            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
#[cfg(feature = "triage")]
pub(crate) use label_enum;

label_enum! {
    /// The product area a ticket is about.
    ///
    /// ```
    /// use helpdesk_ai::labels::Area;
    /// assert_eq!(Area::parse("billing_system"), Some(Area::BillingSystem));
    /// assert_eq!(Area::Integration.as_str(), "integration");
    /// ```
    Area {
        /// Login, passwords, 2FA, SSO.
        Authentication = "authentication",
        /// The main functionality of the product.
        CoreProduct = "core_product",
        /// API, webhooks, third-party integrations.
        Integration = "integration",
        /// The mobile apps.
        MobileApp = "mobile_app",
        /// Payments, invoices, subscriptions.
        BillingSystem = "billing_system",
        /// Reports and analytics.
        Reporting = "reporting",
    }
}

label_enum! {
    /// The type of problem a ticket reports.
    Category {
        /// Something does not function.
        TechnicalIssue = "technical_issue",
        /// Account or access problems.
        AccountIssue = "account_issue",
        /// Payments, plans, invoices.
        BillingIssue = "billing_issue",
        /// A request for a new capability.
        FeatureRequest = "feature_request",
        /// A general question.
        GeneralInquiry = "general_inquiry",
        /// Feedback, praise or a complaint.
        FeedbackComplaint = "feedback_complaint",
    }
}

label_enum! {
    /// How urgent a ticket is: P1 (system down, data loss, security) … P4 (cosmetic, questions).
    Priority {
        /// Critical: system unavailable, data loss, security breach.
        P1 = "P1",
        /// High: serious functional problem, blocked work.
        P2 = "P2",
        /// Medium: works incorrectly.
        P3 = "P3",
        /// Low: cosmetic, questions, requests.
        P4 = "P4",
    }
}

label_enum! {
    /// How hard a ticket is to resolve: L1 (FAQ) … L4 (needs engineering).
    Complexity {
        /// FAQ, simple instructions.
        L1 = "L1",
        /// Configuration, troubleshooting.
        L2 = "L2",
        /// Complex technical issues.
        L3 = "L3",
        /// Development or engineering required.
        L4 = "L4",
    }
}
