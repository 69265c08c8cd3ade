//! Transcendental functions with the same result on every platform.
//!
//! `f32::ln`, `exp` and `powf` call the platform's math library, which differs from the one
//! compiled into WebAssembly in the last bit of some results. The core promises the same
//! output for the same input natively and in wasm, so it computes them with the pure-Rust
//! `libm` crate everywhere. (`sqrt` and the basic operations are exact IEEE operations and need
//! nothing.)
//!
//! ```
//! use helpdesk_ai::math;
//! assert_eq!(math::ln(1.0), 0.0);
//! assert!((math::exp(1.0) - std::f32::consts::E).abs() < 1e-6);
//! assert_eq!(math::powf(2.0, 10.0), 1024.0);
//! ```

/// Natural logarithm.
pub fn ln(x: f32) -> f32 {
    libm::logf(x)
}

/// Base-2 logarithm.
pub fn log2(x: f32) -> f32 {
    libm::log2f(x)
}

/// e to the power `x`.
pub fn exp(x: f32) -> f32 {
    libm::expf(x)
}

/// `x` to the power `y`.
pub fn powf(x: f32, y: f32) -> f32 {
    libm::powf(x, y)
}

/// Hyperbolic tangent.
pub fn tanh(x: f32) -> f32 {
    libm::tanhf(x)
}

/// Base-2 logarithm of an `f64`.
pub fn log2_f64(x: f64) -> f64 {
    libm::log2(x)
}
