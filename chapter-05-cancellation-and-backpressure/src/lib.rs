//! Chapter 5: stopping and limiting work.

pub mod observe;
