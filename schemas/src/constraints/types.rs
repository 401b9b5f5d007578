//! The traits that say which Rust types a constraint applies to (so a misplaced
//! keyword is a compile error naming it), with their impls for the standard types.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use super::Num;

/// What `length` counts for a type: characters of a string, items of an array or
/// entries of an object (the JSON Schema keywords differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LenKind {
    /// Unicode scalar values of a string (`minLength`/`maxLength`).
    Chars,
    /// Items of an array (`minItems`/`maxItems`).
    Items,
    /// Members of an object (`minProperties`/`maxProperties`).
    Properties,
}

/// A type `length` and `non_empty` apply to.
#[diagnostic::on_unimplemented(
    message = "`length` and `non_empty` apply to strings, sequences and maps, not to `{Self}`",
    label = "this field's type has no length"
)]
pub trait HasLength {
    /// What the length counts.
    const KIND: LenKind;
    /// The length, or `None` when there is no value (`Option::None`).
    fn length(&self) -> Option<usize>;

    /// Cheap lower and upper bounds of the length (for a string: from its byte count,
    /// without counting characters), or `None` when there is no value.
    fn length_bounds(&self) -> Option<(usize, usize)> {
        self.length().map(|n| (n, n))
    }
}

impl HasLength for String {
    const KIND: LenKind = LenKind::Chars;
    fn length(&self) -> Option<usize> {
        Some(self.chars().count())
    }
    fn length_bounds(&self) -> Option<(usize, usize)> {
        Some(char_bounds(self))
    }
}
impl HasLength for str {
    const KIND: LenKind = LenKind::Chars;
    fn length(&self) -> Option<usize> {
        Some(self.chars().count())
    }
    fn length_bounds(&self) -> Option<(usize, usize)> {
        Some(char_bounds(self))
    }
}
impl HasLength for Cow<'_, str> {
    const KIND: LenKind = LenKind::Chars;
    fn length(&self) -> Option<usize> {
        Some(self.chars().count())
    }
    fn length_bounds(&self) -> Option<(usize, usize)> {
        Some(char_bounds(self))
    }
}
/// A string has between a quarter of its bytes (rounded up) and all of them characters.
fn char_bounds(s: &str) -> (usize, usize) {
    (s.len().div_ceil(4), s.len())
}

macro_rules! len_items {
    ($kind:ident: $($t:ty),*) => {$(
        impl<T> HasLength for $t {
            const KIND: LenKind = LenKind::$kind;
            fn length(&self) -> Option<usize> { Some(self.len()) }
        }
    )*};
}
len_items!(Items: Vec<T>, [T], VecDeque<T>, BTreeSet<T>);
impl<T, S> HasLength for HashSet<T, S> {
    const KIND: LenKind = LenKind::Items;
    fn length(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<K, V, S> HasLength for HashMap<K, V, S> {
    const KIND: LenKind = LenKind::Properties;
    fn length(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<K, V> HasLength for BTreeMap<K, V> {
    const KIND: LenKind = LenKind::Properties;
    fn length(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<T: HasLength> HasLength for Option<T> {
    const KIND: LenKind = T::KIND;
    fn length(&self) -> Option<usize> {
        self.as_ref().and_then(T::length)
    }
    fn length_bounds(&self) -> Option<(usize, usize)> {
        self.as_ref().and_then(T::length_bounds)
    }
}
impl<T: HasLength + ?Sized> HasLength for Box<T> {
    const KIND: LenKind = T::KIND;
    fn length(&self) -> Option<usize> {
        (**self).length()
    }
    fn length_bounds(&self) -> Option<(usize, usize)> {
        (**self).length_bounds()
    }
}

/// A type `range` applies to.
#[diagnostic::on_unimplemented(
    message = "`range` applies to numbers, not to `{Self}`",
    label = "this field's type is not a number"
)]
pub trait Numeric {
    /// The value, or `None` when there is none (`Option::None`).
    fn number(&self) -> Option<Num>;
}

macro_rules! numeric {
    (int: $($t:ty),*) => {$(
        impl Numeric for $t {
            #[inline]
            fn number(&self) -> Option<Num> { Some(Num::Int(*self as i128)) }
        }
    )*};
    (float: $($t:ty),*) => {$(
        impl Numeric for $t {
            #[inline]
            fn number(&self) -> Option<Num> { Some(Num::Float(*self as f64)) }
        }
    )*};
}
numeric!(int: u8, u16, u32, u64, usize, i8, i16, i32, i64, i128, isize);
numeric!(float: f32, f64);
impl<T: Numeric> Numeric for Option<T> {
    fn number(&self) -> Option<Num> {
        self.as_ref().and_then(T::number)
    }
}
impl<T: Numeric + ?Sized> Numeric for Box<T> {
    fn number(&self) -> Option<Num> {
        (**self).number()
    }
}

/// A type `pattern` and `format` apply to.
#[diagnostic::on_unimplemented(
    message = "`pattern` and `format` apply to strings, not to `{Self}`",
    label = "this field's type is not a string"
)]
pub trait StrLike {
    /// The text, or `None` when there is none (`Option::None`).
    fn str_value(&self) -> Option<&str>;
}
impl StrLike for String {
    fn str_value(&self) -> Option<&str> {
        Some(self)
    }
}
impl StrLike for str {
    fn str_value(&self) -> Option<&str> {
        Some(self)
    }
}
impl StrLike for Cow<'_, str> {
    fn str_value(&self) -> Option<&str> {
        Some(self)
    }
}
impl<T: StrLike> StrLike for Option<T> {
    fn str_value(&self) -> Option<&str> {
        self.as_ref().and_then(T::str_value)
    }
}
impl<T: StrLike + ?Sized> StrLike for Box<T> {
    fn str_value(&self) -> Option<&str> {
        (**self).str_value()
    }
}

/// A sequence `unique` applies to.
#[diagnostic::on_unimplemented(
    message = "`unique` applies to sequences of comparable items, not to `{Self}`",
    label = "this field's type is not a sequence with `PartialEq` items"
)]
pub trait Items {
    /// The index of the first item that repeats an earlier one, and that earlier index.
    fn first_repeat(&self) -> Option<(usize, usize)>;
}

fn first_repeat_of<T: PartialEq>(items: &[T]) -> Option<(usize, usize)> {
    for (i, item) in items.iter().enumerate() {
        if let Some(j) = items[..i].iter().position(|x| x == item) {
            return Some((i, j));
        }
    }
    None
}

impl<T: PartialEq> Items for Vec<T> {
    fn first_repeat(&self) -> Option<(usize, usize)> {
        first_repeat_of(self)
    }
}
impl<T: PartialEq> Items for [T] {
    fn first_repeat(&self) -> Option<(usize, usize)> {
        first_repeat_of(self)
    }
}
impl<T: Items> Items for Option<T> {
    fn first_repeat(&self) -> Option<(usize, usize)> {
        self.as_ref().and_then(T::first_repeat)
    }
}
impl<T: Items + ?Sized> Items for Box<T> {
    fn first_repeat(&self) -> Option<(usize, usize)> {
        (**self).first_repeat()
    }
}
