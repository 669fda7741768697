//! The statically known value of an expression: literals, and names that lead to literals.

/// What flasklint knows of a value. `Unknown` is the honest answer for anything computed at run
/// time; rules treat it as "could be anything" and stay silent.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Str(String),
    Bool(bool),
    Int(i64),
    None,
    /// A list, tuple or set literal.
    Sequence(Vec<Value>),
    /// A dict literal or `dict(k=v)`; `open` when it also unpacks another mapping (`**base`).
    Dict {
        entries: Vec<(Value, Value)>,
        open: bool,
    },
    Unknown,
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(text) => Some(text),
            _ => None,
        }
    }

    /// Python truthiness, when it is known.
    pub fn truthy(&self) -> Option<bool> {
        match self {
            Value::Bool(value) => Some(*value),
            Value::Int(value) => Some(*value != 0),
            Value::None => Some(false),
            Value::Str(text) => Some(!text.is_empty()),
            Value::Sequence(items) => Some(!items.is_empty()),
            Value::Dict { entries, open } => {
                (!*open || !entries.is_empty()).then_some(!entries.is_empty())
            }
            Value::Unknown => None,
        }
    }

    /// The value stored under a string key of a dict; `Unknown` when the dict is not known to
    /// lack it.
    pub fn dict_get(&self, key: &str) -> Option<&Value> {
        let Value::Dict { entries, .. } = self else {
            return None;
        };
        entries
            .iter()
            .rev()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v)
    }

    /// Whether the dict certainly has no entry `key` (a closed dict literal without it).
    pub fn dict_lacks(&self, key: &str) -> bool {
        match self {
            Value::Dict { entries, open } => {
                !*open
                    && entries
                        .iter()
                        .all(|(k, _)| matches!(k.as_str(), Some(other) if other != key))
            }
            _ => false,
        }
    }

    /// The strings of a sequence, or of a single string. `None` when any element is unknown.
    pub fn strings(&self) -> Option<Vec<&str>> {
        match self {
            Value::Str(text) => Some(vec![text.as_str()]),
            Value::Sequence(items) => items.iter().map(Value::as_str).collect(),
            _ => None,
        }
    }
}

/// The text of a string literal (`"ADMIN"`), and nothing for any other expression.
pub fn string_literal(expr: &ruff_python_ast::Expr) -> Option<String> {
    match expr {
        ruff_python_ast::Expr::StringLiteral(literal) => Some(literal.value.to_str().to_string()),
        _ => None,
    }
}
