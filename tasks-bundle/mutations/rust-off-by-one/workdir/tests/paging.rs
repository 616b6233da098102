use paging::*;

fn ids(n: u32) -> Vec<u32> {
    (1..=n).collect()
}

#[test]
fn first_page_is_full() {
    let items = ids(10);
    let page = paginate(&items, 1, 3).unwrap();
    assert_eq!(page.items, &[1, 2, 3]);
    assert_eq!(page.total_pages, 4);
    assert!(page.has_next);
}

#[test]
fn last_page_holds_the_remainder() {
    let items = ids(10);
    let page = paginate(&items, 4, 3).unwrap();
    assert_eq!(page.items, &[10]);
    assert_eq!(page.number, 4);
    assert!(!page.has_next);
}

#[test]
fn exactly_full_last_page_keeps_its_last_item() {
    let items = ids(9);
    let page = paginate(&items, 3, 3).unwrap();
    assert_eq!(page.items, &[7, 8, 9]);
    assert!(!page.has_next);
}

#[test]
fn single_item_list() {
    let items = vec!["only"];
    let page = paginate(&items, 1, 20).unwrap();
    assert_eq!(page.items, &["only"]);
    assert_eq!(page.total_pages, 1);
}

#[test]
fn every_item_appears_exactly_once_across_pages() {
    let items = ids(23);
    for per_page in 1..=25 {
        let mut seen = Vec::new();
        let mut number = 1;
        while let Some(page) = paginate(&items, number, per_page) {
            assert!(page.items.len() <= per_page);
            seen.extend_from_slice(page.items);
            number += 1;
        }
        assert_eq!(seen, items, "per_page = {per_page}");
    }
}

#[test]
fn out_of_range_requests_are_none() {
    let items = ids(5);
    assert_eq!(paginate(&items, 0, 2), None);
    assert_eq!(paginate(&items, 4, 2), None);
    assert_eq!(paginate(&items, 1, 0), None);
    assert_eq!(paginate::<u32>(&[], 1, 10), None);
}

#[test]
fn page_count_rounds_up() {
    assert_eq!(page_count(0, 10), 0);
    assert_eq!(page_count(10, 5), 2);
    assert_eq!(page_count(11, 5), 3);
    assert_eq!(page_count(3, 0), 0);
}
