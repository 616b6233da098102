use perms::*;

#[test]
fn empty_set_contains_nothing() {
    assert!(!Permissions::NONE.contains(READ));
    assert!(!Permissions::NONE.contains(WRITE | SHARE));
}

#[test]
fn contains_requires_every_flag() {
    let p = Permissions::NONE.grant(READ | WRITE);
    assert!(p.contains(READ));
    assert!(p.contains(WRITE));
    assert!(p.contains(READ | WRITE));
    assert!(!p.contains(SHARE));
    assert!(!p.contains(READ | SHARE));
}

#[test]
fn full_set_contains_each_flag() {
    assert!(Permissions::ALL.contains(READ));
    assert!(Permissions::ALL.contains(SHARE));
    assert!(Permissions::ALL.contains(READ | WRITE | SHARE));
}

#[test]
fn grant_and_revoke() {
    let p = Permissions::NONE.grant(READ).grant(SHARE);
    assert_eq!(p.bits(), 0b101);
    let p = p.revoke(READ);
    assert_eq!(p.bits(), 0b100);
    assert_eq!(p.revoke(WRITE), p);
    assert_eq!(Permissions::NONE.grant(0xff), Permissions::ALL);
}

#[test]
fn from_bits_rejects_unknown_bits() {
    assert_eq!(Permissions::from_bits(0b011), Some(Permissions::NONE.grant(READ | WRITE)));
    assert_eq!(Permissions::from_bits(0b1000), None);
}

#[test]
fn flag_string_shows_granted_flags() {
    assert_eq!(Permissions::NONE.to_flag_string(), "---");
    assert_eq!(Permissions::NONE.grant(READ | SHARE).to_flag_string(), "r-s");
    assert_eq!(Permissions::ALL.to_flag_string(), "rws");
}
