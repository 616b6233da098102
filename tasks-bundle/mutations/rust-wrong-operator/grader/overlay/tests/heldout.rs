use perms::*;

fn has_all(bits: u8, flags: u8) -> bool {
    bits & flags == flags
}

#[test]
fn heldout_contains_matches_subset_for_every_pair() {
    for bits in 0..8u8 {
        let set = Permissions::from_bits(bits).unwrap();
        for flags in 0..8u8 {
            assert_eq!(set.contains(flags), has_all(bits, flags), "bits {bits:03b}, flags {flags:03b}");
        }
    }
}

#[test]
fn heldout_write_only_set() {
    let p = Permissions::NONE.grant(WRITE);
    assert!(p.contains(WRITE));
    assert!(!p.contains(READ));
    assert!(!p.contains(WRITE | SHARE));
    assert_eq!(p.to_flag_string(), "-w-");
}

#[test]
fn heldout_flag_strings_after_revoke() {
    assert_eq!(Permissions::ALL.revoke(WRITE).to_flag_string(), "r-s");
    assert_eq!(Permissions::ALL.revoke(READ | SHARE).to_flag_string(), "-w-");
    assert_eq!(Permissions::NONE.grant(READ | WRITE).to_flag_string(), "rw-");
}
