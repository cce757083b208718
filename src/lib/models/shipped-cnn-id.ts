/**
 * The id of the CNN the site ships (public/models/cnn/) and the one part 4's CNN cell publishes under: a module of its
 * own, so that a model menu can name it without loading the code that reads the model's files.
 */
export const SHIPPED_CNN = 'cnn';
