//! Share permissions for the file-sharing service, stored as a 3-bit mask.

pub const READ: u8 = 0b001;
pub const WRITE: u8 = 0b010;
pub const SHARE: u8 = 0b100;
const ALL_BITS: u8 = READ | WRITE | SHARE;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Permissions(u8);

impl Permissions {
    pub const NONE: Permissions = Permissions(0);
    pub const ALL: Permissions = Permissions(ALL_BITS);

    /// Builds a permission set from raw bits; `None` if unknown bits are set.
    pub fn from_bits(bits: u8) -> Option<Permissions> {
        if bits & !ALL_BITS != 0 {
            None
        } else {
            Some(Permissions(bits))
        }
    }

    pub fn bits(self) -> u8 {
        self.0
    }

    /// True when *every* flag in `flags` is granted.
    pub fn contains(self, flags: u8) -> bool {
        self.0 & flags == flags
    }

    pub fn grant(self, flags: u8) -> Permissions {
        Permissions(self.0 | (flags & ALL_BITS))
    }

    pub fn revoke(self, flags: u8) -> Permissions {
        Permissions(self.0 & !flags)
    }

    /// Renders the set as `rws`, with `-` for each missing flag.
    pub fn to_flag_string(self) -> String {
        [(READ, 'r'), (WRITE, 'w'), (SHARE, 's')]
            .iter()
            .map(|&(flag, c)| if self.contains(flag) { c } else { '-' })
            .collect()
    }
}
