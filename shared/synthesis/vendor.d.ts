declare module 'snowball-stemmers' {
  const snowball: { newStemmer(language: string): { stem(word: string): string }; algorithms(): string[] };
  export default snowball;
}
declare module 'stopword' {
  const lists: Record<'eng' | 'nld' | 'fra' | 'dan', string[]>;
  export default lists;
}
