//! The only code that touches the browser: it turns the view into DOM nodes
//! and wires the few behaviours a card has. Everything it shows was decided
//! by the pure `view` module.

pub mod listen;
pub mod mount;
pub mod share;
