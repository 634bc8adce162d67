package org.mastermail.admin;

/** placeholder replaced below */
interface AdminService {}
