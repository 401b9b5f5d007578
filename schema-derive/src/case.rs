//! Case styles of `rename_all`, as serde spells and applies them.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

pub const RULE_NAMES: &[&str] = &[
    "lowercase",
    "UPPERCASE",
    "PascalCase",
    "camelCase",
    "snake_case",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
];

impl RenameRule {
    pub fn from_str(s: &str) -> Option<Self> {
        use RenameRule::*;
        Some(match s {
            "lowercase" => Lower,
            "UPPERCASE" => Upper,
            "PascalCase" => Pascal,
            "camelCase" => Camel,
            "snake_case" => Snake,
            "SCREAMING_SNAKE_CASE" => ScreamingSnake,
            "kebab-case" => Kebab,
            "SCREAMING-KEBAB-CASE" => ScreamingKebab,
            _ => return None,
        })
    }

    /// Applies the rule to a variant name (written in PascalCase).
    pub fn apply_to_variant(self, variant: &str) -> String {
        use RenameRule::*;
        match self {
            Pascal => variant.to_owned(),
            Lower => variant.to_ascii_lowercase(),
            Upper => variant.to_ascii_uppercase(),
            Camel => variant[..1].to_ascii_lowercase() + &variant[1..],
            Snake => {
                let mut snake = String::new();
                for (i, ch) in variant.char_indices() {
                    if i > 0 && ch.is_uppercase() {
                        snake.push('_');
                    }
                    snake.push(ch.to_ascii_lowercase());
                }
                snake
            }
            ScreamingSnake => Snake.apply_to_variant(variant).to_ascii_uppercase(),
            Kebab => Snake.apply_to_variant(variant).replace('_', "-"),
            ScreamingKebab => ScreamingSnake.apply_to_variant(variant).replace('_', "-"),
        }
    }

    /// Applies the rule to a field name (written in snake_case).
    pub fn apply_to_field(self, field: &str) -> String {
        use RenameRule::*;
        match self {
            Lower | Snake => field.to_owned(),
            Upper | ScreamingSnake => field.to_ascii_uppercase(),
            Pascal => {
                let mut pascal = String::new();
                let mut capitalize = true;
                for ch in field.chars() {
                    if ch == '_' {
                        capitalize = true;
                    } else if capitalize {
                        pascal.push(ch.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        pascal.push(ch);
                    }
                }
                pascal
            }
            Camel => {
                let pascal = Pascal.apply_to_field(field);
                pascal[..1].to_ascii_lowercase() + &pascal[1..]
            }
            Kebab => field.replace('_', "-"),
            ScreamingKebab => ScreamingSnake.apply_to_field(field).replace('_', "-"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RenameRule::*;

    #[test]
    fn variants() {
        assert_eq!(Snake.apply_to_variant("ReverseProxy"), "reverse_proxy");
        assert_eq!(Kebab.apply_to_variant("ReverseProxy"), "reverse-proxy");
        assert_eq!(Upper.apply_to_variant("Hdd"), "HDD");
        assert_eq!(Camel.apply_to_variant("ReverseProxy"), "reverseProxy");
        assert_eq!(ScreamingKebab.apply_to_variant("AbC"), "AB-C");
    }

    #[test]
    fn fields() {
        assert_eq!(Camel.apply_to_field("hub_url"), "hubUrl");
        assert_eq!(Pascal.apply_to_field("hub_url"), "HubUrl");
        assert_eq!(ScreamingKebab.apply_to_field("hub_url"), "HUB-URL");
    }
}
