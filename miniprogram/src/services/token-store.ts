import Taro from '@tarojs/taro';

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
}

/** Where the access/refresh pair lives. Injected into the http client so tests can use memory. */
export interface TokenStore {
  get(): StoredTokens | null;
  set(tokens: StoredTokens): void;
  clear(): void;
}

const KEY = 'jh.tokens';

/** Taro storage (wx storage in WeChat, localStorage in H5). One key, so both tokens change together. */
export const taroTokenStore: TokenStore = {
  get() {
    try {
      const value: unknown = Taro.getStorageSync(KEY);
      if (value && typeof value === 'object') {
        const { accessToken, refreshToken } = value as Partial<StoredTokens>;
        if (typeof accessToken === 'string' && typeof refreshToken === 'string') {
          return { accessToken, refreshToken };
        }
      }
    } catch {
      // unreadable storage counts as signed out
    }
    return null;
  },
  set(tokens) {
    Taro.setStorageSync(KEY, { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
  },
  clear() {
    try {
      Taro.removeStorageSync(KEY);
    } catch {
      // nothing stored
    }
  },
};

export function memoryTokenStore(initial: StoredTokens | null = null): TokenStore {
  let tokens = initial;
  return {
    get: () => tokens,
    set: (next) => {
      tokens = { accessToken: next.accessToken, refreshToken: next.refreshToken };
    },
    clear: () => {
      tokens = null;
    },
  };
}
