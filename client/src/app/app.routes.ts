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
    path: 'studies/:studyId/trials/:trialId',
    title: 'Trial · Hyperscope',
    loadComponent: () => import('./trial/trial-page').then((m) => m.TrialPage),
  },
  {
    path: 'studies/:studyId/best-model',
    title: 'Best model · Hyperscope',
    loadComponent: () => import('./best-model/best-model-page').then((m) => m.BestModelPage),
  },
  {
    path: 'studies/:id',
    title: 'Study · Hyperscope',
    loadComponent: () => import('./study/study-page').then((m) => m.StudyPage),
  },
  {
    path: 'workers',
    title: 'Workers · Hyperscope',
    loadComponent: () => import('./workers/workers-page').then((m) => m.WorkersPage),
  },
  { path: '**', redirectTo: '' },
];
