//! The signals that end the process by default and that it can catch: on each, the reader
//! gives the terminal back and an export removes its temporary file before the process exits
//! with 128 + the signal's number, as a shell reports a death by signal. SIGKILL and SIGSTOP
//! cannot be caught; SIGSEGV, SIGILL, SIGFPE and SIGBUS report a fault in the program itself,
//! which a handler must not paper over; SIGPIPE is ignored by every Rust program, so a closed
//! pipe is an error from `write`, not a death.

use signal_hook::consts::signal::{
    SIGALRM, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGVTALRM,
    SIGXCPU, SIGXFSZ,
};

/// Every signal whose default action ends the process and that can be caught safely.
pub const TERMINATING: &[i32] = &[
    SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
    SIGXFSZ, SIGIO,
];
