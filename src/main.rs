//! The `demarche` binary: parse arguments, run the command, map errors to exit codes.

mod cli;
mod cmd;

use clap::Parser;

fn main() {
    let args = cli::Cli::parse();
    match cmd::run(args) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("demarche: error: {e:#}");
            std::process::exit(2);
        }
    }
}
