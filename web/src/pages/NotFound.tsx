import type { Component } from 'solid-js';
import { Link } from '../lib/router';

export const NotFoundPage: Component = () => (
  <section class="empty">
    <h1 tabindex="-1">Nothing here</h1>
    <p class="muted">This page does not exist.</p>
    <Link href="/" class="btn">
      Back to sites
    </Link>
  </section>
);
