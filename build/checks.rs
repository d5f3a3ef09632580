//! Compiles `data/checks/` into Rust tables. (Filled in by the checks engine.)

pub fn generate() {
    crate::codegen::write_out("checks.rs", "// no checks data yet\n");
}
