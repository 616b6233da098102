export async function fetchUser(db, id) {
  const user = await db.get(id);
  if (!user) throw new Error(`no user ${id}`);
  return user;
}

export async function loadUsers(db, ids) {
  return Promise.all(ids.map((id) => fetchUser(db, id)));
}
