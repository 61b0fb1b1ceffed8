//! The JSON names of the model's enums, as `as_str` and [`Display`](std::fmt::Display).
//!
//! Each enum's serde attribute (`rename_all = "snake_case"`) gives its JSON name; the
//! tables below say the same for code that wants the name without serde. A test checks
//! every variant against `serde_json`, so the two cannot drift apart.

use super::{Authority, DiagnosticCode, DocumentKind, NumberForm, PeriodKind, SpeechKind, TimeOfDay};
use std::fmt;

/// `as_str` (the JSON name) and `Display` (the same) for a fieldless enum.
macro_rules! json_names {
    ($($ty:ident { $($variant:ident => $name:literal),+ $(,)? })+) => {$(
        impl $ty {
            /// The name this value has in JSON (`snake_case`), also what `Display` prints.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)+
                }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )+};
}

json_names! {
    DocumentKind {
        NewsReport => "news_report",
        Notice => "notice",
        Minutes => "minutes",
        Plan => "plan",
        Decision => "decision",
        Report => "report",
        Invitation => "invitation",
        OfficialLetter => "official_letter",
        Submission => "submission",
        Resolution => "resolution",
        Conclusion => "conclusion",
        Directive => "directive",
        Program => "program",
        Guide => "guide",
        Regulation => "regulation",
        OtherFormal => "other_formal",
        Unknown => "unknown",
    }
    SpeechKind {
        Directive => "directive",
        Conclusion => "conclusion",
        Opening => "opening",
        Closing => "closing",
        Report => "report",
        Contribution => "contribution",
        Other => "other",
    }
    NumberForm {
        State => "state",
        Party => "party",
    }
    Authority {
        OnBehalf => "on_behalf",
        SigningFor => "signing_for",
        ByOrder => "by_order",
        ByAuthorization => "by_authorization",
        Acting => "acting",
        Representing => "representing",
    }
    TimeOfDay {
        Sang => "sang",
        Trua => "trua",
        Chieu => "chieu",
        Toi => "toi",
        Dem => "dem",
    }
    PeriodKind {
        FirstMonths => "first_months",
        LastMonths => "last_months",
        Months => "months",
        Quarter => "quarter",
        Year => "year",
        Term => "term",
        Stage => "stage",
        Course => "course",
        SchoolYear => "school_year",
        Month => "month",
    }
    DiagnosticCode {
        Repaired => "repaired",
        InputTruncated => "input_truncated",
        ScrambledDiacritics => "scrambled_diacritics",
        DatesTruncated => "dates_truncated",
        NoDiacritics => "no_diacritics",
        RoleOnlyUnresolved => "role_only_unresolved",
        YearFromContext => "year_from_context",
    }
}

impl PartialEq<str> for DiagnosticCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for DiagnosticCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde::de::DeserializeOwned;

    /// Display, serde_json and a round trip agree for every value.
    fn agree<T: Serialize + DeserializeOwned + fmt::Display + PartialEq + fmt::Debug + Copy>(values: &[T]) {
        for v in values {
            let json = serde_json::to_string(v).unwrap();
            assert_eq!(json, format!("\"{v}\""), "{v:?}");
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), *v);
        }
    }

    #[test]
    fn display_is_the_json_name() {
        use DocumentKind as D;
        agree(&[
            D::NewsReport,
            D::Notice,
            D::Minutes,
            D::Plan,
            D::Decision,
            D::Report,
            D::Invitation,
            D::OfficialLetter,
            D::Submission,
            D::Resolution,
            D::Conclusion,
            D::Directive,
            D::Program,
            D::Guide,
            D::Regulation,
            D::OtherFormal,
            D::Unknown,
        ]);
        use SpeechKind as S;
        agree(&[S::Directive, S::Conclusion, S::Opening, S::Closing, S::Report, S::Contribution, S::Other]);
        agree(&[NumberForm::State, NumberForm::Party]);
        use Authority as A;
        agree(&[A::OnBehalf, A::SigningFor, A::ByOrder, A::ByAuthorization, A::Acting, A::Representing]);
        use TimeOfDay as T;
        agree(&[T::Sang, T::Trua, T::Chieu, T::Toi, T::Dem]);
        use PeriodKind as P;
        agree(&[
            P::FirstMonths,
            P::LastMonths,
            P::Months,
            P::Quarter,
            P::Year,
            P::Term,
            P::Stage,
            P::Course,
            P::SchoolYear,
            P::Month,
        ]);
        use DiagnosticCode as C;
        agree(&[
            C::Repaired,
            C::InputTruncated,
            C::ScrambledDiacritics,
            C::DatesTruncated,
            C::NoDiacritics,
            C::RoleOnlyUnresolved,
            C::YearFromContext,
        ]);
        assert!(C::NoDiacritics == "no_diacritics");
    }
}
