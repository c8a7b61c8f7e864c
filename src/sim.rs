//! The simulation engine: seeded, parallel, reproducible random draws.
//!
//! Every Monte Carlo figure is a pure function of (inputs, config, seed). The
//! `B` draws of a statistic are cut into fixed chunks of [`CHUNK`] draws; chunk
//! `k` gets its own ChaCha8 stream, seeded from the master seed and the
//! statistic's label. Threads may run the chunks in any order, but the results
//! are put back in chunk order, so the output is byte-identical whatever the
//! number of threads. ChaCha8 (rand_chacha) is a named, portable generator:
//! the same seed gives the same stream on every machine and release, which
//! rand's `StdRng` does not promise.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

/// Draws per chunk; fixed, so that results do not depend on the thread count.
pub const CHUNK: usize = 1024;

/// The generator used for every draw.
pub type Rng = ChaCha8Rng;

/// Mixes the master seed with a statistic's label (FNV-1a, then SplitMix64)
/// so each statistic draws from its own stream.
pub fn stream_seed(seed: u64, label: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in label.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    splitmix64(seed ^ hash)
}

fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The generator of chunk `chunk` of statistic `label`.
pub fn chunk_rng(seed: u64, label: &str, chunk: u64) -> Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(stream_seed(seed, label));
    rng.set_stream(chunk);
    rng
}

/// Runs `draw` `draws` times in parallel and returns the results in a fixed
/// order. `draw` gets the chunk's generator and a scratch value it may reuse
/// between draws of one chunk.
pub fn parallel_draws<T, S, F>(draws: usize, seed: u64, label: &str, draw: F) -> Vec<T>
where
    T: Send,
    S: Default,
    F: Fn(&mut Rng, &mut S) -> T + Sync,
{
    let chunks = draws.div_ceil(CHUNK);
    let per_chunk: Vec<Vec<T>> = (0..chunks)
        .into_par_iter()
        .map(|k| {
            let mut rng = chunk_rng(seed, label, k as u64);
            let mut scratch = S::default();
            let len = CHUNK.min(draws - k * CHUNK);
            (0..len).map(|_| draw(&mut rng, &mut scratch)).collect()
        })
        .collect();
    per_chunk.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::RngExt;

    fn draws_with_threads(threads: usize) -> Vec<u32> {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| {
            parallel_draws(5000, 42, "test", |rng, _: &mut ()| rng.random_range(0..1000u32))
        })
    }

    #[test]
    fn draws_do_not_depend_on_the_thread_count() {
        let one = draws_with_threads(1);
        assert_eq!(one.len(), 5000);
        assert_eq!(one, draws_with_threads(2));
        assert_eq!(one, draws_with_threads(5));
    }

    #[test]
    fn labels_and_seeds_give_different_streams() {
        let a = parallel_draws(10, 1, "a", |rng, _: &mut ()| rng.random_range(0..u32::MAX));
        let b = parallel_draws(10, 1, "b", |rng, _: &mut ()| rng.random_range(0..u32::MAX));
        let c = parallel_draws(10, 2, "a", |rng, _: &mut ()| rng.random_range(0..u32::MAX));
        assert_ne!(a, b);
        assert_ne!(a, c);
    }
}
