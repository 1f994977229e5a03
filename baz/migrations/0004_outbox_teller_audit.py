import baz.models
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('baz', '0003_wissing'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Teller',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sleutel', models.CharField(max_length=120, unique=True, verbose_name='sleutel')),
                ('aantal', models.PositiveIntegerField(default=0, verbose_name='aantal')),
                ('verloopt_op', models.DateTimeField(db_index=True, verbose_name='verloopt op')),
            ],
            options={
                'verbose_name': 'teller',
                'verbose_name_plural': 'tellers',
                'default_permissions': (),
            },
        ),
        migrations.CreateModel(
            name='Mail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('soort', models.CharField(blank=True, max_length=80, verbose_name='soort')),
                ('sleutel', models.CharField(blank=True, db_index=True, help_text='Groepeert de mails van één gebeurtenis, bv. een verslag.', max_length=120, verbose_name='sleutel')),
                ('ontvanger', models.EmailField(max_length=254, verbose_name='ontvanger')),
                ('onderwerp', models.CharField(max_length=250, verbose_name='onderwerp')),
                ('tekst', models.TextField(verbose_name='tekst')),
                ('bijlage_naam', models.CharField(blank=True, max_length=100, verbose_name='bijlage')),
                ('bijlage_type', models.CharField(blank=True, max_length=100, verbose_name='type van de bijlage')),
                ('bijlage_inhoud', models.TextField(blank=True, verbose_name='inhoud van de bijlage')),
                ('message_id', models.CharField(default=baz.models.nieuwe_message_id, editable=False, max_length=200, unique=True, verbose_name='Message-ID')),
                ('status', models.CharField(choices=[('wachtend', 'Wachtend'), ('bezig', 'Wordt verstuurd'), ('verzonden', 'Verzonden'), ('mislukt', 'Mislukt')], default='wachtend', max_length=20, verbose_name='status')),
                ('pogingen', models.PositiveSmallIntegerField(default=0, verbose_name='pogingen')),
                ('laatste_fout', models.TextField(blank=True, verbose_name='laatste fout')),
                ('aangemaakt_op', models.DateTimeField(default=django.utils.timezone.now, verbose_name='aangemaakt op')),
                ('volgende_poging_op', models.DateTimeField(default=django.utils.timezone.now, verbose_name='volgende poging op')),
                ('geclaimd_op', models.DateTimeField(blank=True, null=True, verbose_name='opgenomen door de worker op')),
                ('verzonden_op', models.DateTimeField(blank=True, null=True, verbose_name='verzonden op')),
            ],
            options={
                'verbose_name': 'uitgaande mail',
                'verbose_name_plural': 'uitgaande mails',
                'ordering': ['-aangemaakt_op', '-pk'],
                'indexes': [models.Index(fields=['status', 'volgende_poging_op'], name='baz_mail_status_0ccc10_idx'), models.Index(fields=['aangemaakt_op'], name='baz_mail_aangema_196f42_idx')],
            },
        ),
        migrations.CreateModel(
            name='Auditregel',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('op', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='op')),
                ('door_naam', models.CharField(blank=True, max_length=150, verbose_name='door (naam)')),
                ('actie', models.CharField(db_index=True, max_length=80, verbose_name='actie')),
                ('omschrijving', models.TextField(blank=True, verbose_name='omschrijving')),
                ('object_id', models.CharField(blank=True, max_length=64, verbose_name='object-id')),
                ('object_repr', models.CharField(blank=True, max_length=200, verbose_name='object')),
                ('content_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='contenttypes.contenttype', verbose_name='soort object')),
                ('door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='door')),
            ],
            options={
                'verbose_name': 'auditregel',
                'verbose_name_plural': 'audittrail',
                'ordering': ['-op', '-pk'],
                'default_permissions': ('view',),
                'indexes': [models.Index(fields=['content_type', 'object_id'], name='baz_auditre_content_6225f3_idx')],
            },
        ),
    ]
