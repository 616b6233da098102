export async function fetchUser(store, id) {
  await new Promise((resolve) => setTimeout(resolve, 5));
  const user = store.get(id);
  if (!user) throw new Error(`no user ${id}`);
  return user;
}

export async function loadUsers(store, ids) {
  return ids.map((id) => fetchUser(store, id));
}
