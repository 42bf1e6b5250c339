//! A panic while gloss owns the terminal still gives the terminal back.
//!
//! The parent test runs this same test binary inside tmux with `GLOSS_PANIC_CHILD` set; the child
//! takes the terminal exactly as gloss does and panics.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

mod support {
    pub mod tmux;
}

use support::tmux::Tmux;

#[test]
fn a_panic_restores_the_terminal() {
    if std::env::var_os("GLOSS_PANIC_CHILD").is_some() {
        let _guard = gloss::runtime::TerminalGuard::enter().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        panic!("deliberate panic while the terminal is taken");
    }
    let me = std::env::current_exe().unwrap();
    let tmux = Tmux::start(80, 24);
    tmux.run(&format!(
        "GLOSS_PANIC_CHILD=1 '{}' --exact a_panic_restores_the_terminal --nocapture --test-threads=1; echo \"exit=$?\"",
        me.display()
    ));
    tmux.wait_var("#{alternate_on}", "1");
    assert_eq!(tmux.var("#{mouse_any_flag}"), "1");
    let screen = tmux.wait_for(|s| s.contains("exit="), "the child to finish");
    assert_eq!(tmux.var("#{alternate_on}"), "0");
    assert_eq!(
        tmux.var("#{mouse_any_flag}"),
        "0",
        "mouse capture left on after a panic"
    );
    assert_eq!(
        tmux.var("#{cursor_flag}"),
        "1",
        "cursor left hidden after a panic"
    );
    assert!(
        screen.contains("deliberate panic"),
        "the panic message is readable:\n{screen}"
    );
    assert!(!screen.contains("exit=0"), "{screen}");
}

/// A panic on a worker thread (placing, measuring, saving...) leaves the terminal to the
/// reader: no restore, no message over the screen; the worker's failure comes back as an event.
#[test]
fn a_panic_on_a_worker_leaves_the_terminal_to_the_reader() {
    use std::io::Write;
    if std::env::var_os("GLOSS_WORKER_PANIC_CHILD").is_some() {
        let _guard = gloss::runtime::TerminalGuard::enter().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        gloss::runtime::worker::spawn(
            "test-worker",
            gloss::app::Work::Placing,
            tx,
            |e| e,
            |_| panic!("deliberate worker panic"),
        )
        .unwrap();
        let event = rx.recv().unwrap();
        print!("\x1b[5;1Hworker said: {event:?}");
        std::io::stdout().flush().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1500));
        return;
    }
    let me = std::env::current_exe().unwrap();
    let tmux = Tmux::start(100, 24);
    tmux.run(&format!(
        "GLOSS_WORKER_PANIC_CHILD=1 '{}' --exact a_panic_on_a_worker_leaves_the_terminal_to_the_reader --nocapture --test-threads=1; echo \"exit=$?\"",
        me.display()
    ));
    let screen = tmux.wait_for(|s| s.contains("worker said"), "the child's report");
    assert_eq!(
        tmux.var("#{alternate_on}"),
        "1",
        "the terminal was handed back"
    );
    assert_eq!(
        tmux.var("#{mouse_any_flag}"),
        "1",
        "mouse capture was turned off"
    );
    assert!(
        screen.contains(r#"worker said: Failed(Placing, "deliberate worker panic")"#),
        "{screen}"
    );
    assert!(
        !screen.contains("panicked at"),
        "printed over the reader:\n{screen}"
    );
    // The command line itself shows `exit=$?`: wait for the line the shell prints.
    let screen = tmux.wait_for(
        |s| s.lines().any(|l| l.trim_start().starts_with("exit=")),
        "the child to finish",
    );
    assert!(screen.lines().any(|l| l.trim() == "exit=0"), "{screen}");
}
