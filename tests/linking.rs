//! How the `gloss` binary is linked on Linux with glibc (see build.rs): the shared libgcc is not
//! among the libraries the dynamic loader opens, and an unwinding panic is still caught.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

/// The libraries the dynamic loader opens for the `gloss` binary, as `ldd` lists them (the
/// loader prints them instead of running the program).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn loaded_libraries() -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .arg("--version")
        .env("LD_TRACE_LOADED_OBJECTS", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_unwinder_is_linked_in_not_loaded() {
    let libraries = loaded_libraries();
    assert!(libraries.contains("libc.so"), "{libraries}");
    let shared = std::env::var("GLOSS_SHARED_LIBGCC").is_ok_and(|v| !v.is_empty() && v != "0");
    assert_eq!(libraries.contains("libgcc_s"), shared, "{libraries}");
}

/// This test binary is linked as `gloss` is: a panic unwinds to the `catch_unwind` that the
/// workers rely on, and what it carried is still there.
#[test]
fn a_panic_unwinds_to_where_it_is_caught() {
    let dropped = std::sync::atomic::AtomicBool::new(false);
    struct Guard<'a>(&'a std::sync::atomic::AtomicBool);
    impl Drop for Guard<'_> {
        fn drop(&mut self) {
            self.0.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    }
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _guard = Guard(&dropped);
        std::panic::panic_any(41_u32 + 1);
    }));
    let payload = caught.unwrap_err();
    assert_eq!(payload.downcast_ref::<u32>(), Some(&42));
    assert!(dropped.load(std::sync::atomic::Ordering::SeqCst));
}
