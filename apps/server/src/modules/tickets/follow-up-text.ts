/** The follow-up task a workaround leaves, worded in the client's language (it shows in their portal too). */
const TEXTS = {
  fr: {
    title: (reference: string, title: string) => `Suite de ${reference} : ${title}`,
    description: (reference: string, workaround: string) =>
      `Un contournement a rétabli le service sur ${reference} ; la correction définitive reste à faire.\n\nContournement :\n${workaround}`,
  },
  en: {
    title: (reference: string, title: string) => `Follow-up of ${reference}: ${title}`,
    description: (reference: string, workaround: string) =>
      `A workaround restored service on ${reference}; the real fix remains to be done.\n\nWorkaround:\n${workaround}`,
  },
};

export function followUpText(locale: string, reference: string, title: string, workaround: string) {
  const texts = locale === 'en' ? TEXTS.en : TEXTS.fr;
  return {
    title: texts.title(reference, title).slice(0, 200),
    description: texts.description(reference, workaround),
  };
}
