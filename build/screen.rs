//! Compiles `data/screen/` into Rust tables. (Filled in by the screen engine.)

pub fn generate() {
    crate::codegen::write_out("screen.rs", "// no screen data yet\n");
}
