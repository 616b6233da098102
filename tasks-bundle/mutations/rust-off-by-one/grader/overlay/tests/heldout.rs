use paging::*;

#[test]
fn heldout_pages_partition_every_length() {
    for len in 1..=17usize {
        let items: Vec<String> = (0..len).map(|i| format!("user-{i}")).collect();
        for per_page in 1..=6usize {
            let total = page_count(len, per_page);
            let mut seen: Vec<String> = Vec::new();
            for number in 1..=total {
                let page = paginate(&items, number, per_page).expect("page in range");
                let start = (number - 1) * per_page;
                let end = (start + per_page).min(len);
                assert_eq!(page.items, &items[start..end], "len {len}, per_page {per_page}, page {number}");
                assert_eq!(page.has_next, number < total);
                seen.extend(page.items.iter().cloned());
            }
            assert_eq!(seen, items, "len {len}, per_page {per_page}");
            assert_eq!(paginate(&items, total + 1, per_page), None);
        }
    }
}

#[test]
fn heldout_last_page_of_seven_by_two() {
    let items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    let page = paginate(&items, 4, 2).unwrap();
    assert_eq!(page.items, &['g']);
    assert_eq!(page.total_pages, 4);
}

#[test]
fn heldout_one_big_page() {
    let items: Vec<i64> = vec![-3, 0, 99];
    assert_eq!(paginate(&items, 1, 3).unwrap().items, &[-3, 0, 99]);
    assert_eq!(paginate(&items, 1, 50).unwrap().items, &[-3, 0, 99]);
}
