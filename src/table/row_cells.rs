//! A serde serializer that turns a row struct into table cells: the column
//! names are the struct's field names, the cells its values. This is how
//! [`super::Table::from_rows`] writes CSV from the same row structs that
//! `summary.json` serializes.
//!
//! It reports itself as not human readable, so that `report::rows::Figure`
//! hands it the raw float (which [`Cell::Float`] renders as `inf` or an empty
//! cell) instead of JSON's `"inf"` and `null`.

use serde::ser::{self, Impossible, Serialize, SerializeStruct};

use super::Cell;

/// Why a value cannot be a row of cells: only a struct of scalars can.
#[derive(Debug)]
pub struct NotARow(String);

impl std::fmt::Display for NotARow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not a table row: {}", self.0)
    }
}

impl std::error::Error for NotARow {}

impl ser::Error for NotARow {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        NotARow(msg.to_string())
    }
}

/// The column names and cells of one row.
pub fn row_cells<T: Serialize>(row: &T) -> Result<(Vec<&'static str>, Vec<Cell>), NotARow> {
    let mut out = RowSerializer::default();
    row.serialize(&mut out)?;
    Ok((out.columns, out.cells))
}

/// A row must be a struct: a bare scalar is refused.
macro_rules! scalars_are_not_rows {
    ($($method:ident($ty:ty) $what:literal;)*) => {
        $(fn $method(self, _: $ty) -> Result<(), NotARow> {
            unsupported($what)
        })*
    };
}

/// The compound types no table cell can hold (sequences, tuples, maps, enum
/// variants with fields), refused alike by both serializers.
macro_rules! compound_fields_are_not_cells {
    () => {
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotARow> {
            unsupported("a sequence")
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotARow> {
            unsupported("a tuple")
        }
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, NotARow> {
            unsupported("a tuple struct")
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, NotARow> {
            unsupported("an enum")
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotARow> {
            unsupported("a map")
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, NotARow> {
            unsupported("an enum")
        }
    };
}

#[derive(Default)]
struct RowSerializer {
    columns: Vec<&'static str>,
    cells: Vec<Cell>,
}

fn unsupported<T>(what: &str) -> Result<T, NotARow> {
    Err(NotARow(format!("{what} is not a struct of scalar fields")))
}

impl ser::Serializer for &mut RowSerializer {
    type Ok = ();
    type Error = NotARow;
    type SerializeSeq = Impossible<(), NotARow>;
    type SerializeTuple = Impossible<(), NotARow>;
    type SerializeTupleStruct = Impossible<(), NotARow>;
    type SerializeTupleVariant = Impossible<(), NotARow>;
    type SerializeMap = Impossible<(), NotARow>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), NotARow>;

    fn is_human_readable(&self) -> bool {
        false
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, NotARow> {
        Ok(self)
    }
    scalars_are_not_rows! {
        serialize_bool(bool) "a bool";
        serialize_i8(i8) "an i8";
        serialize_i16(i16) "an i16";
        serialize_i32(i32) "an i32";
        serialize_i64(i64) "an i64";
        serialize_u8(u8) "a u8";
        serialize_u16(u16) "a u16";
        serialize_u32(u32) "a u32";
        serialize_u64(u64) "a u64";
        serialize_f32(f32) "an f32";
        serialize_f64(f64) "an f64";
        serialize_char(char) "a char";
    }
    fn serialize_str(self, _: &str) -> Result<(), NotARow> {
        unsupported("a string")
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), NotARow> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<(), NotARow> {
        unsupported("an option")
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), NotARow> {
        unsupported("an option")
    }
    fn serialize_unit(self) -> Result<(), NotARow> {
        unsupported("a unit")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), NotARow> {
        unsupported("a unit struct")
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), NotARow> {
        unsupported("an enum")
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), NotARow> {
        unsupported("a newtype")
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), NotARow> {
        unsupported("an enum")
    }
    compound_fields_are_not_cells!();
}

impl SerializeStruct for &mut RowSerializer {
    type Ok = ();
    type Error = NotARow;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), NotARow> {
        self.columns.push(key);
        self.cells.push(value.serialize(CellSerializer)?);
        Ok(())
    }

    fn end(self) -> Result<(), NotARow> {
        Ok(())
    }
}

/// Integers that fit an `i64` become [`Cell::Int`].
macro_rules! small_integers_are_int_cells {
    ($($method:ident($ty:ty)),*) => {
        $(fn $method(self, v: $ty) -> Result<Cell, NotARow> {
            Ok(Cell::Int(v.into()))
        })*
    };
}

/// Serializes one scalar field into a [`Cell`].
struct CellSerializer;

impl ser::Serializer for CellSerializer {
    type Ok = Cell;
    type Error = NotARow;
    type SerializeSeq = Impossible<Cell, NotARow>;
    type SerializeTuple = Impossible<Cell, NotARow>;
    type SerializeTupleStruct = Impossible<Cell, NotARow>;
    type SerializeTupleVariant = Impossible<Cell, NotARow>;
    type SerializeMap = Impossible<Cell, NotARow>;
    type SerializeStruct = Impossible<Cell, NotARow>;
    type SerializeStructVariant = Impossible<Cell, NotARow>;

    fn is_human_readable(&self) -> bool {
        false
    }
    fn serialize_bool(self, v: bool) -> Result<Cell, NotARow> {
        Ok(Cell::Text(v.to_string()))
    }
    small_integers_are_int_cells!(
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32)
    );
    fn serialize_i64(self, v: i64) -> Result<Cell, NotARow> {
        Ok(Cell::Int(v))
    }
    fn serialize_u64(self, v: u64) -> Result<Cell, NotARow> {
        Ok(Cell::count(v))
    }
    fn serialize_f32(self, v: f32) -> Result<Cell, NotARow> {
        Ok(Cell::Float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<Cell, NotARow> {
        Ok(Cell::Float(v))
    }
    fn serialize_char(self, v: char) -> Result<Cell, NotARow> {
        Ok(Cell::Text(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Cell, NotARow> {
        Ok(Cell::Text(v.to_string()))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<Cell, NotARow> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<Cell, NotARow> {
        Ok(Cell::Empty)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Cell, NotARow> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Cell, NotARow> {
        Ok(Cell::Empty)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Cell, NotARow> {
        Ok(Cell::Empty)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Cell, NotARow> {
        Ok(Cell::Text(variant.to_string()))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Cell, NotARow> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Cell, NotARow> {
        unsupported("an enum with data")
    }
    compound_fields_are_not_cells!();
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NotARow> {
        unsupported("a nested struct")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize, Default)]
    struct Row {
        name: String,
        count: u64,
        delta: i64,
        ratio: Option<f64>,
        missing: Option<f64>,
    }

    #[test]
    fn fields_become_columns_in_order_and_values_become_cells() {
        let row = Row {
            name: "a".into(),
            count: 3,
            delta: -2,
            ratio: Some(f64::INFINITY),
            missing: None,
        };
        let (columns, cells) = row_cells(&row).unwrap();
        assert_eq!(columns, ["name", "count", "delta", "ratio", "missing"]);
        assert_eq!(
            cells,
            [
                Cell::Text("a".into()),
                Cell::Int(3),
                Cell::Int(-2),
                Cell::Float(f64::INFINITY),
                Cell::Empty
            ]
        );
    }

    #[test]
    fn values_that_are_not_rows_are_refused() {
        assert!(row_cells(&3_u32).is_err());
        assert!(row_cells(&vec![1, 2]).is_err());
    }
}
