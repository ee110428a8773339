//! The signals that end this process unless it catches them, listed once for the code that must
//! clean up first: remove an export's temporary file ([`crate::export::output::remove_temporaries`]),
//! give the terminal back.
//!
//! Left out on purpose:
//! - `SIGPIPE`: Rust ignores it from the start, so that writing to a closed pipe is an error
//!   the code handles (`briefing export | head` is not a failure). Catching it would undo that.
//! - `SIGKILL` and `SIGSTOP`: they cannot be caught.
//! - `SIGSEGV`, `SIGBUS`, `SIGILL`, `SIGFPE`, `SIGTRAP`, `SIGSYS`, `SIGABRT`: faults of the
//!   process itself; a handler on another thread would only see the faulting instruction run
//!   again (signal-hook refuses most of them anyway).
//! - `SIGTSTP`, `SIGTTIN`, `SIGTTOU`: they stop the process; it goes on after `SIGCONT`.
//! - `SIGSTKFLT`: never sent by the kernel, and not defined on every architecture.

/// Every signal whose default action ends the process everywhere and that the process can
/// catch, except those listed in the module's documentation (see [`all_terminating`] for the
/// rest).
pub const TERMINATING: &[i32] = &[
    libc::SIGHUP,
    libc::SIGINT,
    libc::SIGQUIT,
    libc::SIGTERM,
    libc::SIGUSR1,
    libc::SIGUSR2,
    libc::SIGALRM,
    libc::SIGVTALRM,
    libc::SIGPROF,
    libc::SIGXCPU,
    libc::SIGXFSZ,
];

/// [`TERMINATING`] and, on Linux, SIGIO and SIGPWR (which end a process there, and are ignored
/// elsewhere) and the real-time signals (`SIGRTMIN` to `SIGRTMAX`), which end a process by
/// default too. Their numbers are known only at run time (the C library keeps the first few
/// for itself), hence a function and not a constant.
#[must_use]
pub fn all_terminating() -> Vec<i32> {
    let mut all = TERMINATING.to_vec();
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        all.extend([libc::SIGIO, libc::SIGPWR]);
        all.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    }
    all
}

/// The exit status a shell gives a process ended by `signal`: 128 + its number.
#[must_use]
pub fn exit_status(signal: i32) -> i32 {
    128 + signal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_ways_to_stop_a_program_are_listed_and_sigpipe_is_not() {
        for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT] {
            assert!(TERMINATING.contains(&sig), "{sig}");
        }
        assert!(!TERMINATING.contains(&libc::SIGPIPE));
        assert!(!TERMINATING.contains(&libc::SIGTSTP));
    }

    #[test]
    fn every_listed_signal_can_be_caught() {
        let forbidden = signal_hook::consts::FORBIDDEN;
        for sig in all_terminating() {
            assert!(!forbidden.contains(&sig), "{sig}");
        }
        let mut unique = all_terminating();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), all_terminating().len());
    }

    #[test]
    fn exit_status_is_the_shells() {
        assert_eq!(exit_status(libc::SIGINT), 130);
        assert_eq!(exit_status(libc::SIGTERM), 143);
    }
}
