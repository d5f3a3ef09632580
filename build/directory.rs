//! Compiles `data/directory/` into Rust tables. (Filled in by the directory engine.)

pub fn generate() {
    crate::codegen::write_out("directory.rs", "// no directory data yet\n");
}
