import { describe, expect, it } from 'vitest';
import { childEnv, registerSecret } from '../../src/workspace/env.js';

const BASE = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/me',
  USER: 'me',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  TERM: 'xterm',
  TZ: 'UTC',
  TMPDIR: '/var/tmp',
  SHELL: '/bin/bash',
  CARGO_HOME: '/home/me/.cargo',
  RUSTUP_HOME: '/home/me/.rustup',
  JAVA_HOME: '/usr/lib/jvm/17',
  GOPATH: '/home/me/go',
  PYENV_ROOT: '/home/me/.pyenv',
  NVM_DIR: '/home/me/.nvm',
  OPENAI_API_KEY: 'sk-live-abcdefgh',
  OPENAI_BASE_URL: 'https://api.example.com/v1',
  CAB_KEY: 'cab-secret-1234',
  CAB_ENDPOINT: 'http://127.0.0.1:8000',
  GITHUB_TOKEN: 'ghp_abcdefghijkl',
  AWS_SECRET_ACCESS_KEY: 'aws/secret+key',
  DB_PASSWORD: 'hunter2hunter2',
  HTTP_AUTHORIZATION: 'Bearer xyz',
  NPM_CONFIG_AUTH: 'x',
  SOME_RANDOM_VAR: 'not allowlisted',
  NODE_OPTIONS: '--require /tmp/evil.js',
  LD_PRELOAD: '/tmp/evil.so',
  LC_SMUGGLED: 'sk-live-abcdefgh',
  GOPATH_UNUSED: 'x',
};

describe('childEnv: an allowlist', () => {
  const env = childEnv({}, { base: BASE });

  it.each([
    'PATH', 'HOME', 'USER', 'LANG', 'LC_ALL', 'TERM', 'TZ', 'TMPDIR', 'SHELL',
    'CARGO_HOME', 'RUSTUP_HOME', 'JAVA_HOME', 'GOPATH', 'PYENV_ROOT', 'NVM_DIR',
  ])('passes %s through', (name) => {
    expect(env[name]).toBe(BASE[name as keyof typeof BASE]);
  });

  it.each([
    'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'CAB_KEY', 'CAB_ENDPOINT', 'GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY',
    'DB_PASSWORD', 'HTTP_AUTHORIZATION', 'NPM_CONFIG_AUTH', 'SOME_RANDOM_VAR', 'NODE_OPTIONS', 'LD_PRELOAD', 'GOPATH_UNUSED',
  ])('drops %s', (name) => {
    expect(env[name]).toBeUndefined();
  });

  it('drops an allowlisted variable whose value carries a secret of the parent environment', () => {
    expect(env.LC_SMUGGLED).toBeUndefined();
    expect(JSON.stringify(env)).not.toContain('sk-live-abcdefgh');
  });

  it('sets CI and quiet, offline toolchain defaults', () => {
    expect(env).toMatchObject({ CI: '1', PYTHONDONTWRITEBYTECODE: '1', GOTOOLCHAIN: 'local', GOPROXY: 'off', CARGO_NET_OFFLINE: 'true', NO_COLOR: '1' });
  });

  it('adds extra variables (ours, e.g. CAB_GRADER_DIR) unless a value holds a secret', () => {
    const withExtra = childEnv({ CAB_GRADER_DIR: '/tmp/cab-x/grader', LEAK: 'key=given-secret-value' }, { base: BASE, secrets: ['given-secret-value'] });
    expect(withExtra.CAB_GRADER_DIR).toBe('/tmp/cab-x/grader');
    expect(withExtra.LEAK).toBeUndefined();
  });

  it('drops inherited values that contain a given secret (e.g. the --key flag value)', () => {
    const e = childEnv({}, { base: { ...BASE, LANG: 'flag-key-12345' }, secrets: ['flag-key-12345'] });
    expect(e.LANG).toBeUndefined();
    expect(e.PATH).toBe(BASE.PATH);
  });

  it('remembers registered secrets for every later child', () => {
    registerSecret('registered-key-777');
    const e = childEnv({ X: 'registered-key-777' }, { base: { ...BASE, TZ: 'registered-key-777' } });
    expect(e.X).toBeUndefined();
    expect(e.TZ).toBeUndefined();
  });

  it('does not treat a secret-named path as a secret (it would drop PATH)', () => {
    const e = childEnv({}, { base: { ...BASE, GITHUB_TOKEN_FILE: '/usr/bin', MY_KEY: '/bin' } });
    expect(e.PATH).toBe(BASE.PATH);
  });
});
