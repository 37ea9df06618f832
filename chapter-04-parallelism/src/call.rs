//! One call of the workload: what a pool is asked to do, and what comes back.
//!
//! The article maps `calcula_algo` over `range(20)`. Here a call carries its
//! id, its limit and its algorithm, all in the open: a worker process
//! computes exactly what the call says (the tests give a pool calls of
//! different sizes, to check that results come back in the caller's order).

use shared::workload;

use crate::algorithm::Algorithm;

/// One unit of work for a pool: multiply every integer in `1..limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Call {
    /// Position in the caller's list; results are returned in this order.
    pub id: usize,
    /// The workload's size: the product of the integers in `1..limit`.
    pub limit: u32,
    /// How the product is computed (the article's loop, or a product tree).
    pub algorithm: Algorithm,
}

/// What a call returns: the fingerprint (bit length) of its product.
pub type Fingerprint = u64;

impl Call {
    /// The article's experiment: `count` calls of the same size, ids `0..count`.
    pub fn batch(count: usize, limit: u32, algorithm: Algorithm) -> Vec<Call> {
        (0..count).map(|id| Call { id, limit, algorithm }).collect()
    }

    /// Does the work, on whatever thread or process calls this.
    pub fn run(self) -> Fingerprint {
        workload::fingerprint(&self.algorithm.product(self.limit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A batch numbers its calls from 0, all with the same limit.
    #[test]
    fn a_batch_is_numbered_in_order() {
        let calls = Call::batch(3, 21, Algorithm::Tree);
        assert_eq!(calls.iter().map(|c| c.id).collect::<Vec<_>>(), [0, 1, 2]);
        assert!(calls.iter().all(|c| c.limit == 21 && c.algorithm == Algorithm::Tree));
        assert_eq!(calls[0].run(), 62, "20! has 62 bits");
    }
}
