//! Pagination for the admin API's list endpoints.

/// One page of results. Page numbers are 1-based.
#[derive(Debug, PartialEq, Eq)]
pub struct Page<'a, T> {
    pub items: &'a [T],
    pub number: usize,
    pub total_pages: usize,
    pub has_next: bool,
}

/// Number of pages needed to show `total` items, `per_page` at a time.
/// Returns 0 when `per_page` is 0.
pub fn page_count(total: usize, per_page: usize) -> usize {
    if per_page == 0 {
        return 0;
    }
    (total + per_page - 1) / per_page
}

/// Returns page `number` (1-based) of `items`, or `None` when `number` is 0,
/// `per_page` is 0, or the page is past the end.
pub fn paginate<T>(items: &[T], number: usize, per_page: usize) -> Option<Page<'_, T>> {
    let total_pages = page_count(items.len(), per_page);
    if number == 0 || number > total_pages {
        return None;
    }
    let start = (number - 1) * per_page;
    let end = (start + per_page).min(items.len());
    Some(Page {
        items: &items[start..end],
        number,
        total_pages,
        has_next: number < total_pages,
    })
}
