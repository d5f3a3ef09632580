//! Compiles `data/prompts/` into Rust tables. (Filled in by the prompts engine.)

pub fn generate() {
    crate::codegen::write_out("prompts.rs", "// no prompts data yet\n");
}
