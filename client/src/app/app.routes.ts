import { Routes } from '@angular/router';

export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Dashboard · Hyperscope',
    loadComponent: () => import('./dashboard/dashboard').then((m) => m.Dashboard),
  },
  {
    path: 'studies',
    pathMatch: 'full',
    title: 'Studies · Hyperscope',
    loadComponent: () => import('./studies/studies-page').then((m) => m.StudiesPage),
  },
  {
    path: 'studies/new',
    title: 'New study · Hyperscope',
    loadComponent: () => import('./new-study/new-study-form').then((m) => m.NewStudyForm),
  },
  {
    path: 'studies/:id',
    title: 'Study · Hyperscope',
    loadComponent: () => import('./study/study-page').then((m) => m.StudyPage),
  },
  { path: '**', redirectTo: '' },
];
